package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camel.iotgateway.mqtt.GatewayNotConnectedException;
import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker stops mid-load and comes back on the same port. */
class BrokerRestartTest extends AlinkTestSupport {

    private final Map<String, AtomicInteger> endings = new ConcurrentHashMap<>();

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(3000);
        configuration.setMaxReconnectDelay(2000);
    }

    private void ended(Exchange e) {
        endings.computeIfAbsent(e.getExchangeId(), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // counts how often each exchange comes out of the producer: must be exactly once
                from("direct:logout")
                        .doTry()
                            .to("alink-session:logout")
                            .process(e -> ended(e))
                        .doCatch(Exception.class)
                            .process(e -> ended(e))
                            // the caller sees the failure
                            .process(e -> e.setException(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                        .end();
            }
        };
    }

    @Test
    void everyInFlightExchangeEndsOnceThenTheGatewayComesBackLogsItsSubDevicesInAgainAndServes() throws Exception {
        List<SubDevice> held = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = String.format("held-%03d", i);
            platform.registerSubDevice(SUB_PK, name, "secret-" + i);
            held.add(SubDevice.withSecret(SUB_PK, name, "secret-" + i));
        }
        assertThat(template.send("alink-session:batchLogin", e -> e.getMessage().setBody(held)).getException()).isNull();
        assertThat(platform.onlineCount()).isEqualTo(120);

        List<SubDeviceId> load = devices("load", 600);
        load.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (SubDeviceId d : load.subList(0, 300)) {
            inFlight.add(template.asyncSend("direct:logout", e -> e.getMessage().setBody(d)));
        }
        // mid-load: some answers are in, the rest are on their way, and more requests keep coming during the outage
        await().atMost(10, TimeUnit.SECONDS).until(() -> endings.size() >= 100);
        long outageStart = System.nanoTime();
        Thread restart = new Thread(() -> embeddedBroker().restart());
        restart.start();
        for (SubDeviceId d : load.subList(300, 600)) {
            inFlight.add(template.asyncSend("direct:logout", e -> e.getMessage().setBody(d)));
        }
        restart.join();
        // the platform takes a gateway's sub-devices offline when the gateway goes
        held.forEach(d -> platform.setOffline(d.productKey(), d.deviceName()));

        int replied = 0;
        int notConnected = 0;
        int timedOut = 0;
        for (CompletableFuture<Exchange> f : inFlight) {
            Exchange done = f.get(10, TimeUnit.SECONDS);
            if (done.getException() == null) {
                replied++;
            } else if (done.getException() instanceof GatewayNotConnectedException) {
                notConnected++;
            } else if (done.getException() instanceof AlinkSessionTimeoutException) {
                timedOut++;
            } else {
                throw new AssertionError("unexpected outcome", done.getException());
            }
        }
        assertThat(replied + notConnected + timedOut).isEqualTo(600);
        Thread.sleep(500);
        assertThat(endings).hasSize(600);
        assertThat(endings.values()).allSatisfy(n -> assertThat(n.get()).as("times an exchange ended").isEqualTo(1));

        // back by itself, with the sub-devices it held online logged in again
        await().atMost(20, TimeUnit.SECONDS).until(() -> platform.onlineCount() >= 120
                && held.stream().allMatch(d -> platform.isOnline(d.productKey(), d.deviceName())));
        long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStart);

        platform.setOnline(SUB_PK, "after-restart");
        Exchange after = template.send("direct:logout", e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "after-restart")));
        assertThat(after.getException()).isNull();
        // the topology replies are subscribed again too
        Exchange topology = template.send("alink-session:getTopology", e -> e.getMessage().setBody(null));
        assertThat(topology.getException()).isNull();
        assertThat(topology.getMessage().getBody(List.class)).hasSize(120);
        System.out.printf("broker restart: 600 in flight, %d replied, %d not connected, %d timed out, 0 twice;"
                          + " recovered with 120 sub-devices logged in again in %d ms%n",
                replied, notConnected, timedOut, recoveryMillis);
    }
}
