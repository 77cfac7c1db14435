package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.camel.iotgateway.protocol.alink.SessionOperation.LOGOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The probabilistic misbehaviour switches of both simulators: drop, delay past a timeout, malformed, and the seed. */
class ReplyMisbehaviourTest {

    private static final String SUB_PK = "a1SubPk0001";
    private static final String IOTDA_GW = "6650a1b2c3d4e5f6a7b8c9d0_gw77";
    private static final Duration QUIET = Duration.ofMillis(300);

    private static EmbeddedMqttBroker broker;
    private static AlinkPlatformSimulator alink;
    private static AlinkTestGateway alinkGateway;
    private static IotdaPlatformSimulator iotda;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        alink = AlinkPlatformSimulator.start(broker.brokerUrl(), "a1GwPk00077", "gw-77");
        alinkGateway = new AlinkTestGateway(broker.brokerUrl(), alink.topics());
        iotda = IotdaPlatformSimulator.start(broker.brokerUrl(), IOTDA_GW);
    }

    @AfterAll
    static void stop() throws Exception {
        alinkGateway.close();
        alink.close();
        iotda.close();
        broker.close();
    }

    @BeforeEach
    void wellBehaved() throws Exception {
        alink.reset();
        iotda.reset();
        // a delayed reply of an earlier test may still be on its way
        alinkGateway.repliesWithin(Duration.ofMillis(50));
        alinkGateway.forgetReceived();
    }

    @Test
    void aDroppedReplyIsLostButThePlatformActedOnTheRequest() throws Exception {
        alink.setOnline(SUB_PK, "drop-1");
        alink.setDropReplies(1.0);

        alinkGateway.send(LOGOUT, logout(alinkGateway.nextId(), "drop-1"), 0);

        assertThat(alinkGateway.repliesWithin(QUIET)).isEmpty();
        assertThat(alink.isOnline(SUB_PK, "drop-1")).isFalse();
        assertThat(alink.misbehaviourCounts().dropped()).isEqualTo(1);
        assertThat(alink.violations()).isEmpty();
    }

    @Test
    void aDelayedReplyComesOnlyAfterTheDelay() throws Exception {
        alink.setOnline(SUB_PK, "late-1");
        alink.setDelayPastTimeout(600, 1.0);
        String id = alinkGateway.nextId();

        long sent = System.nanoTime();
        alinkGateway.send(LOGOUT, logout(id, "late-1"), 0);

        assertThat(alinkGateway.repliesWithin(Duration.ofMillis(400))).isEmpty();
        assertThat(alinkGateway.awaitReply(LOGOUT, id).code()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(alink.misbehaviourCounts().delayed()).isEqualTo(1);
    }

    @Test
    void malformedAlinkRepliesTakeEveryKindInTurn() throws Exception {
        alink.setMalformedReplies(1.0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = alinkGateway.nextId();
            ids.add(id);
            alink.setOnline(SUB_PK, "bad-" + i);
            alinkGateway.send(LOGOUT, logout(id, "bad-" + i), 0);
        }

        List<String> payloads = receive(12, alinkGateway::repliesWithin);

        int notJson = 0;
        int huge = 0;
        List<String> wrongTypes = new ArrayList<>();
        for (String payload : payloads) {
            JsonNode root = parseOrNull(payload);
            if (root == null) {
                notJson++;
            } else if (payload.length() > Malformation.HUGE_BYTES) {
                huge++;
                assertThat(AlinkJson.readReply(payload.getBytes(StandardCharsets.UTF_8)).id()).isIn(ids);
            } else {
                wrongTypes.add(payload);
            }
        }
        assertThat(notJson).isEqualTo(4);
        assertThat(huge).isEqualTo(4);
        assertThat(wrongTypes).hasSize(4)
                .anyMatch(p -> p.contains("\"id\":{"))
                .anyMatch(p -> p.contains("\"code\":\"abc\""))
                .anyMatch(p -> p.contains("\"id\":["))
                .anyMatch(p -> p.contains("\"data\":\"oops\""));
        assertThat(alink.misbehaviourCounts().malformed()).isEqualTo(12);
    }

    @Test
    void malformedIotdaResponsesTakeEveryKindInTurn() throws Exception {
        iotda.setMalformedReplies(1.0);
        List<String> eventIds = new ArrayList<>();
        try (TestMqttClient raw = new TestMqttClient(broker.brokerUrl())) {
            raw.subscribe(iotda.topics().eventsDown());
            for (int i = 0; i < 12; i++) {
                String eventId = EventIds.next();
                eventIds.add(eventId);
                raw.publish(iotda.topics().eventsUp(), deleteRequest(eventId, "child-" + i), 1);
            }

            List<String> payloads = receive(12, raw::drain);

            int notJson = 0;
            int huge = 0;
            List<String> wrongTypes = new ArrayList<>();
            for (String payload : payloads) {
                if (parseOrNull(payload) == null) {
                    notJson++;
                } else if (payload.length() > Malformation.HUGE_BYTES) {
                    huge++;
                    assertThat(IotdaJson.readMessage(payload.getBytes(StandardCharsets.UTF_8)).services().get(0)
                            .eventId()).isIn(eventIds);
                } else {
                    wrongTypes.add(payload);
                }
            }
            assertThat(notJson).isEqualTo(4);
            assertThat(huge).isEqualTo(4);
            assertThat(wrongTypes).hasSize(4)
                    .anyMatch(p -> p.contains("\"event_id\":{"))
                    .anyMatch(p -> p.contains("\"services\":{"))
                    .anyMatch(p -> p.contains("\"successful_devices\":\"all\""))
                    .anyMatch(p -> p.startsWith("["));
        }
        assertThat(iotda.misbehaviourCounts().malformed()).isEqualTo(12);
        assertThat(iotda.violations()).isEmpty();
    }

    @Test
    void theSameSeedDropsTheSameReplies() throws Exception {
        List<Integer> first = answeredOutOf(40, 99L);
        alink.reset();
        List<Integer> second = answeredOutOf(40, 99L);
        alink.reset();
        List<Integer> otherSeed = answeredOutOf(40, 100L);

        assertThat(first).isNotEmpty().hasSizeLessThan(40).isEqualTo(second).isNotEqualTo(otherSeed);
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> alink.setDropReplies(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> iotda.setMalformedReplies(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alink.setDelayPastTimeout(-1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Sends {@code count} logouts with drops at one half under the seed; the indexes whose reply came. */
    private List<Integer> answeredOutOf(int count, long seed) throws Exception {
        alink.setMisbehaviourSeed(seed);
        alink.setDropReplies(0.5);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = alinkGateway.nextId();
            ids.add(id);
            alinkGateway.send(LOGOUT, logout(id, "seed-" + i), 0);
        }
        Await.until("all requests seen", () -> alink.requestCount(LOGOUT) == count);
        List<Integer> answered = new ArrayList<>();
        for (TestMqttClient.Received reply : alinkGateway.repliesWithin(QUIET)) {
            answered.add(ids.indexOf(AlinkJson.readReply(reply.payload().getBytes(StandardCharsets.UTF_8)).id()));
        }
        answered.sort(null);
        return answered;
    }

    private static String logout(String id, String deviceName) {
        return new String(AlinkJson.request(id, new SubDeviceId(SUB_PK, deviceName)), StandardCharsets.UTF_8);
    }

    private static String deleteRequest(String eventId, String child) {
        return new String(IotdaJson.request(EventType.DELETE_SUB_DEVICE_REQUEST, eventId,
                EventTime.now(Clock.systemUTC()), new DeleteSubDeviceParas(List.of(child))), StandardCharsets.UTF_8);
    }

    private static JsonNode parseOrNull(String payload) {
        try {
            return AlinkJson.mapper().readTree(payload);
        } catch (Exception e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Drain {
        List<TestMqttClient.Received> within(Duration window) throws InterruptedException;
    }

    private static List<String> receive(int count, Drain drain) throws InterruptedException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            drain.within(Duration.ofMillis(100)).forEach(r -> received.add(r.payload()));
        }
        return received;
    }
}
