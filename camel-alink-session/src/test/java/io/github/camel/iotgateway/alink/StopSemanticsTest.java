package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.GatewayNotConnectedException;
import io.github.camel.iotgateway.mqtt.GatewayStoppedException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What stopping does to exchanges in flight: every one ends exactly once (its reply, or a typed error), the stop
 * returns within the shutdown timeout plus a second, and a route stopped and started again works on the same gateway.
 * Each exchange's endings are counted where the caller learns of them (its completion callback).
 */
class StopSemanticsTest {

    private static EmbeddedMqttBroker broker;

    private final String gatewayProductKey = "a1Gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    private final Map<String, AtomicInteger> endings = new ConcurrentHashMap<>();
    private final Map<String, Exchange> ended = new ConcurrentHashMap<>();
    private final AtomicLong lastEndingNanos = new AtomicLong();

    private AlinkPlatformSimulator platform;
    private CamelContext camel;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private CamelContext start(long shutdownTimeoutSeconds, long batchTimeout) throws Exception {
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), gatewayProductKey, "gw-01");
        camel = new DefaultCamelContext();

        camel.getShutdownStrategy().setTimeout(shutdownTimeoutSeconds);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        AlinkSessionComponent component = new AlinkSessionComponent();
        AlinkSessionConfiguration c = component.getConfiguration();
        c.setBrokerUrl(broker.brokerUrl());
        c.setGatewayProductKey(gatewayProductKey);
        c.setGatewayDeviceName("gw-01");
        c.setRequestTimeout(30_000);
        c.setBatchTimeout(batchTimeout);
        camel.addComponent("alink-session", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:logout").routeId("logout").to("alink-session:logout");
                from("direct:batchLogout").routeId("batchLogout").to("alink-session:batchLogout");
            }
        });
        camel.start();
        return camel;
    }

    /** Counts how often each exchange ends: with a reply (complete) or a failure. */
    private Synchronization counting() {
        return new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                endings.computeIfAbsent(exchange.getExchangeId(), id -> new AtomicInteger()).incrementAndGet();
                ended.put(exchange.getExchangeId(), exchange);
                lastEndingNanos.accumulateAndGet(System.nanoTime(), Math::max);
            }
        };
    }

    private List<String> sendLogouts(ProducerTemplate template, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SubDeviceId device = new SubDeviceId(AlinkTestSupport.SUB_PK, prefix + "-" + i);
            platform.setOnline(device.productKey(), device.deviceName());
            Exchange exchange = camel.getEndpoint("direct:logout").createExchange();
            exchange.getMessage().setBody(device);
            ids.add(exchange.getExchangeId());
            exchange.getExchangeExtension().addOnCompletion(counting());
            template.asyncSend("direct:logout", exchange);
        }
        return ids;
    }

    /**
     * The platform's count of requests once the ones on their way have arrived: the exchanges are in flight as soon as
     * they are published, but on a loaded machine the broker may take a while to deliver the last batches.
     */
    private long settledRequestCount(SessionOperation operation) {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(10, TimeUnit.SECONDS).pollDelay(300, TimeUnit.MILLISECONDS)
                .pollInterval(300, TimeUnit.MILLISECONDS)
                .until(() -> last.getAndSet(platform.requestCount(operation)) == last.get());
        return last.get();
    }

    private static Throwable failureOf(Exchange exchange) {
        return exchange.getException();
    }

    @Test
    void theOpenBatchIsSentWhenTheContextStopsInsteadOfBeingDropped() throws Exception {
        start(3, 60_000);
        ProducerTemplate template = camel.createProducerTemplate();
        // the first logout finds the wire quiet and goes at once; its reply takes 800 ms, so the next two gather in
        // the open batch, which would wait out the 60 s batchTimeout but for the stop
        platform.setDelayPastTimeout(800, 1.0);
        List<String> ids = new ArrayList<>(sendLogouts(template, "open-first", 1));
        await().atMost(2, TimeUnit.SECONDS).until(() -> platform.requestCount(SessionOperation.LOGOUT) == 1);
        ids.addAll(sendLogouts(template, "open", 2));
        await().atMost(2, TimeUnit.SECONDS).until(() -> camel.getInflightRepository().size() == 3);
        assertThat(platform.requestCount(SessionOperation.LOGOUT)).isEqualTo(1);
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGOUT)).isZero();

        long began = System.nanoTime();
        camel.stop();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(tookMillis).as("stop took").isLessThan(3_000);
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGOUT)).as("the open batch, sent at the stop")
                .isEqualTo(1);
        for (String id : ids) {
            assertThat(endings.get(id)).as("endings of " + id).hasValue(1);
            assertThat(failureOf(ended.get(id))).as("a flushed batch gets its replies").isNull();
            assertThat(ended.get(id).getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200);
        }
    }

    @Test
    void aThousandExchangesInFlightEachEndOnceWhenTheContextStopsOnASlowPlatform() throws Exception {
        start(2, 60_000);
        ProducerTemplate template = camel.createProducerTemplate();
        // the gateway works: a first wave is answered
        List<String> answered = sendLogouts(template, "answered", 100);
        await().atMost(10, TimeUnit.SECONDS).until(() -> answered.stream().allMatch(endings::containsKey));
        answered.forEach(id -> assertThat(failureOf(ended.get(id))).isNull());
        // then the platform stops answering: everything in flight at the stop waits past the shutdown timeout
        platform.setSilent(true);
        List<String> ids = new ArrayList<>(sendLogouts(template, "single", 996));
        for (int i = 0; i < 4; i++) {
            List<SubDeviceId> list = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                SubDeviceId device = new SubDeviceId(AlinkTestSupport.SUB_PK, "list-" + i + "-" + j);
                platform.setOnline(device.productKey(), device.deviceName());
                list.add(device);
            }
            Exchange exchange = camel.getEndpoint("direct:batchLogout").createExchange();
            exchange.getMessage().setBody(list);
            ids.add(exchange.getExchangeId());
            exchange.getExchangeExtension().addOnCompletion(counting());
            template.asyncSend("direct:batchLogout", exchange);
        }
        // 1,000 exchanges: the first single went alone (the wire was quiet), then 19 full batches and 4 lists; 45
        // singles wait in the open batch (60 s batchTimeout) for a wire that stays busy
        await().atMost(5, TimeUnit.SECONDS).until(() -> camel.getInflightRepository().size() == 1000);
        long batchesBeforeStop = settledRequestCount(SessionOperation.BATCH_LOGOUT);

        long began = System.nanoTime();
        camel.stop();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        long allEndedMillis = TimeUnit.NANOSECONDS.toMillis(lastEndingNanos.get() - began);


        int replied = 0;
        int notConnected = 0;
        for (String id : ids) {
            assertThat(endings.get(id)).as("endings of " + id).isNotNull().hasValue(1);
            Throwable failure = failureOf(ended.get(id));
            if (failure == null) {
                replied++;
            } else {
                assertThat(failure).isInstanceOf(GatewayNotConnectedException.class);
                notConnected++;
            }
        }
        System.out.printf("stop with %d in flight: %d replied, %d GatewayNotConnectedException, 0 twice, 0 never;"
                          + " all ended %d ms and stop returned %d ms after it began (shutdown timeout 2 s)%n",
                ids.size(), replied, notConnected, allEndedMillis, tookMillis);
        assertThat(replied + notConnected).isEqualTo(ids.size());
        assertThat(notConnected).as("in flight on a silent platform").isEqualTo(ids.size());
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGOUT) - batchesBeforeStop)
                .as("the open batch was sent at the stop").isEqualTo(1);
        assertThat(allEndedMillis).as("every exchange ended within the shutdown timeout plus 1 s").isLessThan(3_000);
        // Camel's shutdown strategy polls in 1 s steps; now and then its forced stop itself takes a step more
        assertThat(tookMillis).as("stop returned").isLessThan(2_000 + 2_000);
        assertThat(ExchangeCompletion.secondEndings()).as("parts ended twice").isZero();
    }

    @Test
    void aRouteStoppedAndStartedAgainWorksOnTheSameGateway() throws Exception {
        start(2, 50);
        ProducerTemplate template = camel.createProducerTemplate();
        List<String> before = sendLogouts(template, "before", 40);
        camel.getRouteController().stopRoute("logout");
        for (String id : before) {
            assertThat(endings.get(id)).as("endings of " + id).hasValue(1);
        }
        camel.getRouteController().startRoute("logout");

        List<String> after = sendLogouts(template, "after", 40);
        await().atMost(10, TimeUnit.SECONDS).until(() -> after.stream().allMatch(endings::containsKey));
        for (String id : after) {
            assertThat(endings.get(id)).hasValue(1);
            assertThat(failureOf(ended.get(id))).isNull();
        }
        assertThat(camel.getComponent("alink-session", AlinkSessionComponent.class).gatewayCount()).isEqualTo(1);
    }

    @Test
    void removingTheOnlyRouteOfAGatewayEndsWhatItHadInFlightAndClosesTheConnection() throws Exception {
        start(2, 60_000);
        ProducerTemplate template = camel.createProducerTemplate();
        platform.setSilent(true);
        // the first published alone (it found the wire quiet), 50 in one full batch, 19 in the open batch
        List<String> ids = sendLogouts(template, "removed", 70);
        await().atMost(5, TimeUnit.SECONDS).until(() -> camel.getInflightRepository().size() == 70);
        camel.getRouteController().stopRoute("batchLogout");
        camel.removeRoute("batchLogout");

        camel.getRouteController().stopRoute("logout", 1, TimeUnit.SECONDS);
        camel.removeRoute("logout");
        camel.removeEndpoints("alink-session:*");

        int stopped = 0;
        int notConnected = 0;
        for (String id : ids) {
            assertThat(endings.get(id)).as("endings of " + id).isNotNull().hasValue(1);
            Throwable failure = failureOf(ended.get(id));
            if (failure instanceof GatewayStoppedException) {
                stopped++;
            } else {
                assertThat(failure).isInstanceOf(GatewayNotConnectedException.class);
                notConnected++;
            }
        }
        // the platform is silent, so the wire never goes quiet again: what went alone found it quiet (the first, or
        // two racing each other), the rest went in full batches or waited in the open one
        long singles = platform.requestCount(SessionOperation.LOGOUT);
        long batches = platform.requestCount(SessionOperation.BATCH_LOGOUT);
        assertThat(singles).as("found the wire quiet").isBetween(1L, 2L);
        assertThat(batches).as("full batches").isEqualTo(1);
        assertThat(notConnected).as("published, awaiting a reply").isEqualTo(singles + 50 * batches);
        assertThat(stopped).as("open batch, ended before publishing").isEqualTo(70 - notConnected).isPositive();
        assertThat(camel.getComponent("alink-session", AlinkSessionComponent.class).gatewayCount()).isZero();
    }

    @Test
    void aComponentRestartEndsWhatWasInFlightAndTheRoutesWorkAgainAfterIt() throws Exception {
        start(2, 60_000);
        ProducerTemplate template = camel.createProducerTemplate();
        platform.setSilent(true);
        List<String> ids = sendLogouts(template, "restart", 70);
        await().atMost(5, TimeUnit.SECONDS).until(() -> camel.getInflightRepository().size() == 70);
        AlinkSessionComponent component = camel.getComponent("alink-session", AlinkSessionComponent.class);

        component.stop();

        for (String id : ids) {
            assertThat(endings.get(id)).as("endings of " + id).isNotNull().hasValue(1);
            assertThat(failureOf(ended.get(id))).isInstanceOf(GatewayNotConnectedException.class);
        }
        // the first went alone (or two, racing each other for the quiet wire), 50 in a full batch, the rest waited in
        // the open batch
        long singles = platform.requestCount(SessionOperation.LOGOUT);
        assertThat(singles).as("found the wire quiet").isBetween(1L, 2L);
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGOUT)).isEqualTo(1);
        assertThat(ids.stream().filter(id -> failureOf(ended.get(id)) instanceof GatewayStoppedException).count())
                .as("open batch, ended before publishing").isEqualTo(70 - 50 - singles);

        component.start();
        platform.setSilent(false);
        List<String> after = sendLogouts(template, "after-restart", 50);
        await().atMost(10, TimeUnit.SECONDS).until(() -> after.stream().allMatch(endings::containsKey));
        for (String id : after) {
            assertThat(endings.get(id)).hasValue(1);
            assertThat(failureOf(ended.get(id))).isNull();
        }
        assertThat(component.gatewayCount()).isEqualTo(1);
    }
}
