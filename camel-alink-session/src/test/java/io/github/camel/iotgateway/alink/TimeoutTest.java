package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutTest extends AlinkTestSupport {

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(300);
    }

    @Test
    void aSilentPlatformGivesEveryExchangeATypedTimeout() throws Exception {
        platform.setSilent(true);
        List<SubDeviceId> devices = devices("t", 60);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));
        List<CompletableFuture<Exchange>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (SubDeviceId d : devices) {
            results.add(template.asyncSend("alink-session:logout", e -> e.getMessage().setBody(d)));
        }
        results.add(template.asyncSend("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "alone-1"))));
        results.add(template.asyncSend("alink-session:batchLogout", e -> e.getMessage().setBody(devices("l", 3))));

        for (CompletableFuture<Exchange> f : results) {
            Exchange done = f.get(10, TimeUnit.SECONDS);
            assertThat(done.getException()).isInstanceOf(AlinkSessionTimeoutException.class);
            AlinkSessionTimeoutException e = (AlinkSessionTimeoutException) done.getException();
            assertThat(e.getTimeout()).isEqualTo(300);
            assertThat(e.getRequestId()).matches("\\d+");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
    }

    @Test
    void aLateReplyIsDroppedAndTheExchangeEndsOnce() throws Exception {
        SubDeviceId device = new SubDeviceId(SUB_PK, "late-one");
        platform.setOnline(SUB_PK, "late-one");
        platform.setSilent(true);
        Exchange done = template.send("alink-session:logout?batching=false", e -> e.getMessage().setBody(device));
        assertThat(done.getException()).isInstanceOf(AlinkSessionTimeoutException.class);

        // the platform wakes up: the next request is answered, the dead one stays dead
        platform.setSilent(false);
        platform.setOnline(SUB_PK, "late-two");
        Exchange next = template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "late-two")));
        assertThat(next.getException()).isNull();
    }

    @Test
    void anExchangeThatCameWithoutHeadersWaitsWithoutAHeaderMap() throws Exception {
        platform.setSilent(true);
        for (String uri : List.of("alink-session:logout?batching=false", "alink-session:logout")) {
            SubDeviceId device = new SubDeviceId(SUB_PK, "bare-" + uri.length());
            platform.setOnline(SUB_PK, device.deviceName());
            Exchange exchange = context.getEndpoint(uri).createExchange();
            exchange.getMessage().setBody(device);

            Exchange done = template.send(uri, exchange);

            // a timeout writes no header: any map it has, the component gave it while it waited
            assertThat(done.getException()).as(uri).isInstanceOf(AlinkSessionTimeoutException.class);
            assertThat(done.getMessage().hasHeaders()).as(uri).isFalse();
        }
    }
}
