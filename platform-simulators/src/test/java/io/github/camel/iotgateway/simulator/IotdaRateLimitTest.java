package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusParas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static io.github.camel.iotgateway.protocol.iotda.EventType.ADD_SUB_DEVICE_REQUEST;
import static io.github.camel.iotgateway.protocol.iotda.EventType.SUB_DEVICE_UPDATE_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's per-connection caps on events/up (50 messages/s, 1 MB/s), over the embedded broker with a raw Paho
 * gateway: what is over a cap is recorded, dropped and never answered; a client that paces itself is never throttled.
 */
class IotdaRateLimitTest {

    private static final String GW = "6650a1b2c3d4e5f6a7b8c9d0_gw01";
    private static final String PRODUCT = "6650a1b2c3d4e5f6a7b8c9d0";
    private static final String CHILD = PRODUCT + "_meter-001";
    /** After the last answer expected, how long to listen for answers that must not come. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private static EmbeddedMqttBroker broker;
    private static IotdaPlatformSimulator platform;
    private static IotdaTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        platform = IotdaPlatformSimulator.builder(broker.brokerUrl(), GW).start();
        gateway = new IotdaTestGateway(broker.brokerUrl(), platform.topics());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        platform.close();
        broker.close();
    }

    @BeforeEach
    void freshPlatform() {
        platform.reset();
        gateway.forgetReceived();
    }

    @Test
    void theCapsAreThePlatformsByDefaultAndCanBeTurnedOff() throws Exception {
        assertThat(platform.messagesPerSecondCap()).isEqualTo(IotdaPlatformSimulator.PLATFORM_MESSAGES_PER_SECOND);
        assertThat(platform.bytesPerSecondCap()).isEqualTo(IotdaPlatformSimulator.PLATFORM_BYTES_PER_SECOND);
        assertThat(platform.rateWindow()).isEqualTo(Duration.ofMillis(950));
        platform.setRateLimits(0, 0);
        platform.registerChild(CHILD);

        List<String> ids = sendAtOnce(gateway, platform.topics(), 60, i -> statusUpdate());

        assertThat(awaitAnswers(gateway, ids, 60)).hasSize(60);
        assertThat(platform.throttledMessages()).isZero();
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void sixtyRequestsAtOnceWithTheBuildersCapOf50GetExactly50AnswersAnd10Violations() throws Exception {
        String gw2 = PRODUCT + "_gw02";
        try (IotdaPlatformSimulator capped = IotdaPlatformSimulator.builder(broker.brokerUrl(), gw2)
                .rateLimits(IotdaPlatformSimulator.PLATFORM_MESSAGES_PER_SECOND,
                        IotdaPlatformSimulator.PLATFORM_BYTES_PER_SECOND)
                .start();
             IotdaTestGateway client = new IotdaTestGateway(broker.brokerUrl(), capped.topics())) {

            List<String> ids = sendAtOnce(client, capped.topics(), 60,
                    i -> add(new AddSubDeviceParas(List.of(DeviceInfo.of("node-" + i, PRODUCT)))));

            Await.until("60 messages seen", () -> capped.requestCount(ADD_SUB_DEVICE_REQUEST)
                                                  + capped.throttledMessages() == 60);
            assertThat(awaitAnswers(client, ids, 50)).hasSize(50);
            assertThat(capped.throttledMessages()).isEqualTo(10);
            assertThat(capped.requestCount(ADD_SUB_DEVICE_REQUEST)).as("a throttled message is not read").isEqualTo(50);
            assertThat(capped.children()).as("nor acted upon").hasSize(50);
            assertThat(capped.violations()).hasSize(10)
                    .allSatisfy(v -> assertThat(v).contains("throttled").contains("51 messages")
                            .contains("cap of 50 upstream messages/s"));
        }
    }

    @Test
    void aClientPacingBurstsOf50MoreThanASecondApartIsNeverThrottled() throws Exception {
        platform.setRateLimits(50, 0);
        platform.registerChild(CHILD);

        List<String> first = sendAtOnce(gateway, platform.topics(), 50, i -> statusUpdate());
        // paced from what the platform saw: no delivery delay of the first burst can shrink the gap below 1.1 s
        Await.until("the first 50 at the platform", () -> platform.requestCount(SUB_DEVICE_UPDATE_STATUS) == 50);
        Thread.sleep(1100);
        List<String> second = sendAtOnce(gateway, platform.topics(), 50, i -> statusUpdate());

        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(awaitAnswers(gateway, all, 100)).hasSize(100);
        assertThat(platform.throttledMessages()).isZero();
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void payloadBytesOverTheByteCapWithinTheWindowAreDropped() throws Exception {
        platform.registerChild(CHILD);
        // every status update for the same child is as long as the next: a fixed-length event_id and event_time
        int length = statusUpdate().getBytes(StandardCharsets.UTF_8).length;
        platform.setRateLimits(0, 3L * length + length / 2);

        List<String> ids = sendAtOnce(gateway, platform.topics(), 5, i -> statusUpdate());

        Await.until("5 messages seen", () -> platform.requestCount(SUB_DEVICE_UPDATE_STATUS)
                                             + platform.throttledMessages() == 5);
        assertThat(awaitAnswers(gateway, ids, 3)).hasSize(3);
        assertThat(platform.throttledMessages()).isEqualTo(2);
        assertThat(platform.violations()).hasSize(2)
                .allSatisfy(v -> assertThat(v).contains("payload bytes").contains((4L * length) + " payload bytes")
                        .contains("cap of " + (3L * length + length / 2) + " bytes/s"));
    }

    @Test
    void resetRestoresTheBuildersCapsAndEmptiesTheWindow() throws Exception {
        platform.setRateLimits(1, 0);
        platform.registerChild(CHILD);
        List<String> ids = sendAtOnce(gateway, platform.topics(), 2, i -> statusUpdate());
        assertThat(awaitAnswers(gateway, ids, 1)).hasSize(1);
        Await.until("the second throttled", () -> platform.throttledMessages() == 1);

        platform.reset();

        assertThat(platform.messagesPerSecondCap()).as("the builder's: the platform's")
                .isEqualTo(IotdaPlatformSimulator.PLATFORM_MESSAGES_PER_SECOND);
        assertThat(platform.throttledMessages()).isZero();
        platform.setRateLimits(1, 0);
        platform.registerChild(CHILD);
        List<String> again = sendAtOnce(gateway, platform.topics(), 1, i -> statusUpdate());
        assertThat(awaitAnswers(gateway, again, 1)).as("the window was emptied").hasSize(1);
    }

    private static String statusUpdate() {
        return new String(IotdaJson.request(SUB_DEVICE_UPDATE_STATUS, EventIds.next(),
                EventTime.now(Clock.systemUTC()), new UpdateStatusParas(List.of(DeviceStatus.online(CHILD)))),
                StandardCharsets.UTF_8);
    }

    private static String add(AddSubDeviceParas paras) {
        return new String(IotdaJson.request(ADD_SUB_DEVICE_REQUEST, EventIds.next(), EventTime.now(Clock.systemUTC()),
                paras), StandardCharsets.UTF_8);
    }

    /** Publishes n requests back to back at QoS 1; returns their event_ids in sending order. */
    private static List<String> sendAtOnce(IotdaTestGateway client, IotdaTopics topics, int n,
            IntFunction<String> request) throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String payload = request.apply(i);
            payloads.add(payload);
            ids.add(IotdaJson.readMessage(payload.getBytes(StandardCharsets.UTF_8)).services().get(0).eventId());
        }
        for (String payload : payloads) {
            client.send(payload, 1);
        }
        return ids;
    }

    /**
     * The event_ids among {@code ids} that were answered: waits (bounded) for {@code expected} answers, then listens a
     * little longer so that an answer too many shows.
     */
    private static Set<String> awaitAnswers(IotdaTestGateway client, List<String> ids, int expected)
            throws InterruptedException {
        Set<String> wanted = Set.copyOf(ids);
        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + IotdaTestGateway.RESPONSE_WAIT.toNanos();
        while (answered.size() < expected && System.nanoTime() < deadline) {
            collect(client.eventsWithin(Duration.ofMillis(50)), wanted, answered);
        }
        collect(client.eventsWithin(QUIET), wanted, answered);
        return answered;
    }

    private static void collect(List<IotdaMessage> messages,
            Set<String> wanted, Set<String> answered) {
        messages.stream().flatMap(m -> m.services().stream())
                .filter(e -> e.eventType().endsWith("_response") && wanted.contains(e.eventId()))
                .forEach(e -> answered.add(e.eventId()));
    }
}
