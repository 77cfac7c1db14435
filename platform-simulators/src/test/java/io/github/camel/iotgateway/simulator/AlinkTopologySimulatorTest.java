package io.github.camel.iotgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyAddParams;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import io.github.camel.iotgateway.protocol.alink.TopologyTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's topology rules, driven by a raw MQTT client with hand-written payloads. */
class AlinkTopologySimulatorTest {

    private static final String SUB_PK = "a1SubPk0001";
    private static final String SECRET = "subSecretExample0001";

    private static EmbeddedMqttBroker broker;
    private static AlinkPlatformSimulator platform;
    private static TestMqttClient gateway;
    private static AlinkTestGateway sessions;
    private static final TopologyTopics TOPICS = new TopologyTopics("a1GwPk00001", "gw-01");
    private static final AtomicLong IDS = new AtomicLong(5000);

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), "a1GwPk00001", "gw-01");
        gateway = new TestMqttClient(broker.brokerUrl());
        gateway.subscribe(TOPICS.replies().toArray(String[]::new));
        sessions = new AlinkTestGateway(broker.brokerUrl(), platform.topics());
    }

    @AfterAll
    static void stop() throws Exception {
        sessions.close();
        gateway.close();
        platform.close();
        broker.close();
    }

    @BeforeEach
    void reset() {
        platform.reset();
        gateway.clear();
    }

    @Test
    void theDocumentedTopologyAddAttachesTheSubDeviceAndRepliesWithIt() throws Exception {
        platform.createSubDevice(SUB_PK, "sensor-01", SECRET);
        // docs/protocol-notes.md A.8, verbatim
        AlinkReply reply = call(TopologyOperation.ADD, """
                {"id":"1001","version":"1.0","method":"thing.topo.add",
                 "params":[{"productKey":"a1SubPk0001","deviceName":"sensor-01","clientId":"a1SubPk0001&sensor-01",
                            "timestamp":"1700000000000","signmethod":"hmacSha1","sign":"101C528B8C45EE1E8DE93A649AB973F1895D144B"}]}""");

        assertThat(reply.code()).isEqualTo(200);
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(new SubDeviceId(SUB_PK, "sensor-01"));
        assertThat(platform.topology()).containsExactly(new SubDeviceId(SUB_PK, "sensor-01"));
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void aLoginWithoutTopologyIsRefusedWith6401AndAcceptedOnceAdded() throws Exception {
        platform.createSubDevice(SUB_PK, "sensor-01", SECRET);

        assertThat(sessions.call(SessionOperation.LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-01", SECRET)).code())
                .isEqualTo(6401);
        assertThat(call(TopologyOperation.ADD, request(TopologyOperation.ADD, List.of(entry("sensor-01", SECRET))))
                .code()).isEqualTo(200);
        assertThat(sessions.call(SessionOperation.LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-01", SECRET)).code())
                .isEqualTo(200);
        assertThat(sessions.call(SessionOperation.LOGIN, AlinkTestGateway.login(SUB_PK, "never-made", SECRET)).code())
                .isEqualTo(6100);
    }

    @Test
    void theCamelCaseSignMethodKeyOfALoginIsRefusedWith460() throws Exception {
        platform.createSubDevice(SUB_PK, "sensor-01", SECRET);
        String camelCase = request(TopologyOperation.ADD, List.of(entry("sensor-01", SECRET)))
                .replace("\"signmethod\"", "\"signMethod\"");

        AlinkReply reply = call(TopologyOperation.ADD, camelCase);

        assertThat(reply.code()).isEqualTo(460);
        assertThat(platform.topology()).isEmpty();
        assertThat(platform.violations()).singleElement().asString().contains("lowercase key signmethod");
    }

    @Test
    void aBadSignIs401TheGatewayItself6402AndEitherAttachesNoneOfTheRequest() throws Exception {
        platform.createSubDevice(SUB_PK, "sensor-01", SECRET);
        platform.createSubDevice(SUB_PK, "sensor-02", SECRET);

        AlinkReply badSign = call(TopologyOperation.ADD, request(TopologyOperation.ADD,
                List.of(entry("sensor-01", SECRET), entry("sensor-02", "wrong"))));
        assertThat(badSign.code()).isEqualTo(401);
        assertThat(AlinkJson.subDevicesIn(badSign.data())).containsExactly(new SubDeviceId(SUB_PK, "sensor-02"));

        TopologyAddParams itself = TopologyAddParams.of(SubDevice.withSecret("a1GwPk00001", "gw-01", SECRET),
                SignMethod.HMAC_SHA256, System::currentTimeMillis);
        assertThat(call(TopologyOperation.ADD, request(TopologyOperation.ADD, List.of(itself))).code()).isEqualTo(6402);
        assertThat(platform.topology()).isEmpty();
    }

    @Test
    void moreThan30EntriesAreRefusedWith460() throws Exception {
        List<TopologyAddParams> entries = IntStream.range(0, 31).mapToObj(i -> {
            platform.createSubDevice(SUB_PK, "many-" + i, SECRET);
            return entry("many-" + i, SECRET);
        }).toList();

        assertThat(call(TopologyOperation.ADD, request(TopologyOperation.ADD, entries)).code()).isEqualTo(460);
        assertThat(call(TopologyOperation.ADD, request(TopologyOperation.ADD, entries.subList(0, 30))).code())
                .isEqualTo(200);
        assertThat(platform.topology()).hasSize(30);
        assertThat(platform.violations()).singleElement().asString().contains("1 to 30");
    }

    @Test
    void deleteDetachesAndEndsTheSessionGetListsAndAnUnknownSubDeviceIs6100() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", SECRET);
        platform.registerSubDevice(SUB_PK, "sensor-02", SECRET);
        platform.setOnline(SUB_PK, "sensor-01");

        AlinkReply deleted = call(TopologyOperation.DELETE, request(TopologyOperation.DELETE,
                List.of(new SubDeviceId(SUB_PK, "sensor-01"))));
        assertThat(deleted.code()).isEqualTo(200);
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isFalse();

        AlinkReply listed = call(TopologyOperation.GET, request(TopologyOperation.GET, java.util.Map.of()));
        assertThat(AlinkJson.subDevicesIn(listed.data())).containsExactly(new SubDeviceId(SUB_PK, "sensor-02"));

        assertThat(call(TopologyOperation.DELETE, request(TopologyOperation.DELETE,
                List.of(new SubDeviceId(SUB_PK, "nobody-0001")))).code()).isEqualTo(6100);
        assertThat(platform.requestCount(TopologyOperation.DELETE)).isEqualTo(2);
    }

    private static TopologyAddParams entry(String deviceName, String secret) {
        return TopologyAddParams.of(SubDevice.withSecret(SUB_PK, deviceName, secret), SignMethod.HMAC_SHA1,
                System::currentTimeMillis);
    }

    private static String request(TopologyOperation operation, Object params) {
        return new String(AlinkJson.request(Long.toString(IDS.incrementAndGet()), operation.method(), params),
                StandardCharsets.UTF_8);
    }

    private static AlinkReply call(TopologyOperation operation, String payload) throws Exception {
        String id = AlinkJson.peekId(payload.getBytes(StandardCharsets.UTF_8));
        gateway.publish(TOPICS.request(operation), payload, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            TestMqttClient.Received next = gateway.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (next == null) {
                break;
            }
            AlinkReply reply = AlinkJson.readReply(next.payload().getBytes(StandardCharsets.UTF_8));
            if (next.topic().equals(TOPICS.reply(operation)) && reply.id().equals(id)) {
                return reply;
            }
        }
        throw new AssertionError("no reply to " + id);
    }
}
