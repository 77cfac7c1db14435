package io.github.camel.iotgateway.alink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.mqtt.GatewayNotConnectedException;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a MeterRegistry in the Camel registry (camel-micrometer's name for it), each gateway has its meters, tagged with
 * the component and the gateway's stable name, and they count what really happened on the wire.
 */
class GatewayMetersTest extends AlinkTestSupport {

    private static final String GATEWAY_SECRET = "gwSecretNeverInATag01";
    private static final String SUB_SECRET = "subSecretExample0001";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("metricsRegistry", meters);
    }

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        // a signed clientId ("pk.dn|securemode=...,timestamp=...|"): the gateway tag must be its stable part only
        configuration.setGatewayDeviceSecret(GATEWAY_SECRET);
        configuration.setRequestTimeout(1000);
        configuration.setMaxLoginsPerSecond(2);
        configuration.setMaxReconnectDelay(500);
        // a batch waits for the wire to go quiet, not for its linger
        configuration.setBatchTimeout(2000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("alink-session:events").routeId("events").to("mock:events");
            }
        };
    }

    private String gateway() {
        return gatewayProductKey + "." + gatewayDeviceName;
    }

    private double count(String name, String... tags) {
        io.micrometer.core.instrument.search.Search search = meters.find(name).tag("gateway", gateway())
                .tag("component", "alink-session");
        for (int i = 0; i < tags.length; i += 2) {
            search = search.tag(tags[i], tags[i + 1]);
        }
        io.micrometer.core.instrument.Counter counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        return meters.get(name).tag("gateway", gateway()).gauge().value();
    }

    private Exchange login(String name) {
        platform.registerSubDevice(SUB_PK, name, SUB_SECRET);
        return template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, name, SUB_SECRET)));
    }

    @Test
    void requestsAreCountedByHowTheyEndedAndTimedFromPublishToAnswer() throws Exception {
        assertThat(login("metered-1").getException()).isNull();
        // a logout of a sub-device without a session: the platform answers 520
        Exchange refused = template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "never-logged-in")));
        assertThat(refused.getException()).isInstanceOf(AlinkNoSessionException.class);
        platform.setSilent(true);
        Exchange unanswered = template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "metered-1")));
        assertThat(unanswered.getException()).isInstanceOf(AlinkSessionTimeoutException.class);
        platform.setSilent(false);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count("camel.iot.gateway.requests"))
                .isEqualTo(3));
        assertThat(count("camel.iot.gateway.replies", "code", "200")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.replies", "code", "520")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.timeouts")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.failures", "exception", "GatewayNotConnectedException")).isZero();
        io.micrometer.core.instrument.Timer latency = meters.get("camel.iot.gateway.reply.latency")
                .tag("gateway", gateway()).timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isLessThan(1000);
        assertThat(gauge("camel.iot.gateway.requests.pending")).isZero();
        assertThat(gauge("camel.iot.gateway.connected")).isEqualTo(1);

        // every meter of the gateway carries its stable name: no signing parameters, no secret
        List<Meter> ours = meters.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("camel.iot.gateway.")).toList();
        assertThat(ours).hasSizeGreaterThanOrEqualTo(14);
        assertThat(ours).allSatisfy(m -> {
            assertThat(m.getId().getTag("component")).isEqualTo("alink-session");
            assertThat(m.getId().getTag("gateway")).isEqualTo(gateway());
            assertThat(m.getId().getTag("camelContext")).isEqualTo(context.getName());
            assertThat(m.getId().getTags()).extracting(Tag::getValue)
                    .noneMatch(v -> v.contains(GATEWAY_SECRET) || v.contains("securemode") || v.contains("|"));
        });
    }

    @Test
    void singleRequestsGatheredWhileTheWireIsBusyShowInTheBatchSizes() throws Exception {
        List<SubDeviceId> devices = devices("batched", 12);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));
        List<CompletableFuture<Exchange>> logouts = new ArrayList<>();
        for (SubDeviceId d : devices) {
            logouts.add(template.asyncSend("alink-session:logout",
                    e -> e.getMessage().setBody(d)));
        }
        for (CompletableFuture<Exchange> logout : logouts) {
            assertThat(logout.get(10, TimeUnit.SECONDS).getException()).isNull();
        }

        io.micrometer.core.instrument.DistributionSummary sizes = meters.get("camel.iot.gateway.batch.size")
                .tag("gateway", gateway()).summary();
        // every logout went through the batcher once: the sizes add up to them
        assertThat(sizes.totalAmount()).isEqualTo(12);
        assertThat(sizes.count()).isLessThan(12);
        assertThat(sizes.max()).isGreaterThan(1);
        assertThat(count("camel.iot.gateway.requests")).isEqualTo(sizes.count());
    }

    @Test
    void pendingRequestsAndThoseWaitingForThePaceAreGauges() throws Exception {
        platform.setSilent(true);
        List<CompletableFuture<Exchange>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SubDeviceId device = new SubDeviceId(SUB_PK, "silent-" + i);
            waiting.add(template.asyncSend("alink-session:logout?batching=false", e -> e.getMessage().setBody(device)));
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gauge("camel.iot.gateway.requests.pending")).isEqualTo(3));
        for (CompletableFuture<Exchange> f : waiting) {
            assertThat(f.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(AlinkSessionTimeoutException.class);
        }
        assertThat(gauge("camel.iot.gateway.requests.pending")).isZero();
        assertThat(count("camel.iot.gateway.timeouts")).isEqualTo(3);
        platform.setSilent(false);

        // two logins a second: of six sent at once, some wait for the pace
        List<CompletableFuture<Exchange>> logins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "paced-" + i;
            platform.registerSubDevice(SUB_PK, name, SUB_SECRET);
            logins.add(template.asyncSend("alink-session:login?batching=false&requestTimeout=10000",
                    e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, name, SUB_SECRET))));
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(gauge("camel.iot.gateway.pace.waiting")).isGreaterThanOrEqualTo(1));
        for (CompletableFuture<Exchange> f : logins) {
            assertThat(f.get(15, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(gauge("camel.iot.gateway.pace.waiting")).isZero();
    }

    @Test
    void duplicatedLateAndMalformedAnswersAndDeliveredNoticesAreCounted() throws Exception {
        platform.setOnline(SUB_PK, "twice");
        platform.setDuplicateReplies(true);
        assertThat(template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "twice"))).getException()).isNull();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(count("camel.iot.gateway.messages.duplicated")).isEqualTo(1));
        platform.setDuplicateReplies(false);

        platform.setOnline(SUB_PK, "late");
        platform.setDelayPastTimeout(1500, 1.0);
        assertThat(template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "late"))).getException())
                .isInstanceOf(AlinkSessionTimeoutException.class);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(count("camel.iot.gateway.messages.unmatched")).isEqualTo(1));
        platform.setDelayPastTimeout(0, 0);

        platform.setOnline(SUB_PK, "garbled");
        platform.setMalformedReplies(1.0);
        template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "garbled")));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(count("camel.iot.gateway.messages.malformed")).isEqualTo(1));
        platform.setMalformedReplies(0);

        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        platform.pushError(521, SUB_PK, "deleted-1");
        events.assertIsSatisfied(5000);
        assertThat(count("camel.iot.gateway.notices")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.messages.duplicated")).isEqualTo(1);
    }

    @Test
    void aLostBrokerShowsAsFailuresByTypeTheConnectedGaugeAndAReconnect() throws Exception {
        embeddedBroker().stop();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(gauge("camel.iot.gateway.connected")).isZero());
            Exchange refused = login("while-down");
            assertThat(refused.getException()).isInstanceOf(GatewayNotConnectedException.class);
            assertThat(count("camel.iot.gateway.failures", "exception", "GatewayNotConnectedException")).isEqualTo(1);
            assertThat(count("camel.iot.gateway.requests")).isZero();
        } finally {
            embeddedBroker().restart();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(gauge("camel.iot.gateway.connected")).isEqualTo(1));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(count("camel.iot.gateway.reconnects")).isEqualTo(1));
        assertThat(login("after-restart").getException()).isNull();
    }

    @Test
    void theMetersGoWithTheGateway() throws Exception {
        assertThat(login("short-lived").getException()).isNull();
        assertThat(meters.find("camel.iot.gateway.requests").meters()).hasSize(1);
        context.stop();
        MeterRegistry after = meters;
        assertThat(after.getMeters()).noneMatch(m -> m.getId().getName().startsWith("camel.iot.gateway."));
    }
}
