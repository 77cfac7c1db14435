package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.github.camel.iotgateway.protocol.alink.SessionOperation.BATCH_LOGIN;
import static io.github.camel.iotgateway.protocol.alink.SessionOperation.BATCH_LOGOUT;
import static io.github.camel.iotgateway.protocol.alink.SessionOperation.LOGIN;
import static io.github.camel.iotgateway.protocol.alink.SessionOperation.LOGOUT;
import static org.assertj.core.api.Assertions.assertThat;

class AlinkPlatformSimulatorTest {

    private static final String SUB_PK = "a1SubPk0001";
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final AtomicInteger GATEWAYS = new AtomicInteger();

    private static EmbeddedMqttBroker broker;
    // shared: each Paho connect costs about 300 ms (Paho 1.2.5 polls its threads' start with 100 ms sleeps)
    private static AlinkPlatformSimulator sharedPlatform;
    private static AlinkTestGateway sharedGateway;

    private AlinkPlatformSimulator platform;
    private AlinkTestGateway gateway;
    private boolean ownPlatform;

    @BeforeAll
    static void startBrokerAndPlatform() throws Exception {
        broker = EmbeddedMqttBroker.start();
        sharedPlatform = AlinkPlatformSimulator.start(broker.brokerUrl(), "a1GwPk00001", "gw-01");
        sharedGateway = new AlinkTestGateway(broker.brokerUrl(), sharedPlatform.topics());
    }

    @AfterAll
    static void stopBrokerAndPlatform() throws Exception {
        sharedGateway.close();
        sharedPlatform.close();
        broker.close();
    }

    @BeforeEach
    void freshPlatform() {
        sharedPlatform.reset();
        sharedGateway.forgetReceived();
        broker.resetCounts();
        platform = sharedPlatform;
        gateway = sharedGateway;
    }

    @AfterEach
    void stopOwnPlatform() throws Exception {
        if (ownPlatform) {
            gateway.close();
            platform.close();
        }
    }

    @Test
    void loginWithACorrectSignPutsTheSubDeviceOnline() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", "subSecretExample0001");

        AlinkReply reply = gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-01", "subSecretExample0001"));

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.message()).isEqualTo("success");
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(new SubDeviceId(SUB_PK, "sensor-01"));
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isTrue();
        assertThat(platform.onlineCount()).isEqualTo(1);
        assertThat(platform.requestCount(LOGIN)).isEqualTo(1);
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void aLoginWithoutCleanSessionIsAcceptedButRecordedAsAViolation() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-02", "subSecretExample0001");
        LoginParams withCleanSession = AlinkTestGateway.login(SUB_PK, "sensor-02", "subSecretExample0001");
        LoginParams without = new LoginParams(withCleanSession.productKey(), withCleanSession.deviceName(),
                withCleanSession.clientId(), withCleanSession.timestamp(), withCleanSession.signMethod(),
                withCleanSession.sign(), null);

        AlinkReply reply = gateway.call(LOGIN, without);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(platform.violations()).singleElement().asString().contains("cleanSession");
        platform.resetCounters();
    }

    @Test
    void loginAcceptsTheDocumentedExampleSignInLowercaseHexToo() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", "subSecretExample0001");
        // docs/protocol-notes.md A.8: clientId a1SubPk0001&sensor-01, timestamp 1700000000000, hmacSha256
        LoginParams documented = new LoginParams(SUB_PK, "sensor-01", "a1SubPk0001&sensor-01", "1700000000000",
                SignMethod.HMAC_SHA256, "7e564ae305d952c50cf90bbcadc3d0c816a73928ac29d7445207e86b897a5971", "true");

        assertThat(gateway.call(LOGIN, documented).code()).isEqualTo(200);
    }

    @Test
    void loginWithAWrongSignIsRefusedWith6287() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", "subSecretExample0001");

        AlinkReply reply = gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-01", "not-the-secret"));

        assertThat(reply.code()).isEqualTo(AlinkCodes.INVALID_SIGN);
        assertThat(reply.message()).isEqualTo("invalid sign");
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(new SubDeviceId(SUB_PK, "sensor-01"));
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isFalse();
    }

    @Test
    void loginOfADeviceOutsideTheTopologyIsRefusedWith6100() throws Exception {
        AlinkReply reply = gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "stranger", "whatever"));

        assertThat(reply.code()).isEqualTo(AlinkCodes.DEVICE_NOT_FOUND);
        assertThat(reply.message()).isEqualTo("device not found");
        assertThat(platform.onlineCount()).isZero();
    }

    @Test
    void loginMissingAFieldIsAParameterError() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", "s");

        AlinkReply reply = gateway.call(LOGIN, Map.of("productKey", SUB_PK, "deviceName", "sensor-01",
                "clientId", "c", "timestamp", "1", "signMethod", "hmacSha256"));

        assertThat(reply.code()).isEqualTo(460);
        assertThat(reply.message()).isEqualTo("request parameter error");
        assertThat(platform.violations()).singleElement().asString().contains("lacks sign");
    }

    @Test
    void loginBeyondTheOnlineCapIsRefusedWith428() throws Exception {
        useOwnPlatform(AlinkPlatformSimulator.builder(broker.brokerUrl(), "a1GwPk00001", nextGateway())
                .maxOnlineSubDevices(2));
        for (String dn : List.of("sensor-01", "sensor-02", "sensor-03")) {
            platform.registerSubDevice(SUB_PK, dn, "secret-" + dn);
        }
        platform.setOnline(SUB_PK, "sensor-01");
        assertThat(gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-02", "secret-sensor-02")).code())
                .isEqualTo(200);

        AlinkReply refused = gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-03", "secret-sensor-03"));
        AlinkReply again = gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-02", "secret-sensor-02"));

        assertThat(refused.code()).isEqualTo(AlinkCodes.TOO_MANY_SUB_DEVICES);
        assertThat(refused.message()).isEqualTo("too many subdevices under gateway");
        assertThat(again.code()).as("a device already online takes no extra place").isEqualTo(200);
        assertThat(platform.onlineCount()).isEqualTo(2);
    }

    @Test
    void logoutOfADeviceWithoutSessionIsRefusedWith520() throws Exception {
        AlinkReply reply = gateway.call(LOGOUT, new SubDeviceId(SUB_PK, "sensor-01"));

        assertThat(reply.code()).isEqualTo(AlinkCodes.DEVICE_NO_SESSION);
        assertThat(reply.message()).isEqualTo("device no session");
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(new SubDeviceId(SUB_PK, "sensor-01"));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        platform.setOnline(SUB_PK, "sensor-01");

        AlinkReply reply = gateway.call(LOGOUT, new SubDeviceId(SUB_PK, "sensor-01"));

        assertThat(reply.code()).isEqualTo(200);
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isFalse();
    }

    @Test
    void batchLoginBringsAllOnlineWithTopLevelOrPerEntrySignMethod() throws Exception {
        List<LoginParams> entries = registerAndSign(3);

        AlinkReply reply = gateway.call(BATCH_LOGIN, AlinkTestGateway.batchLogin(entries));
        // the C SDK v4 form: signMethod only once, at params level
        List<Map<String, String>> withoutMethod = entries.stream().map(e -> Map.of("productKey", e.productKey(),
                "deviceName", e.deviceName(), "clientId", e.clientId(), "timestamp", e.timestamp(),
                "sign", e.sign())).toList();
        AlinkReply topLevel = gateway.call(BATCH_LOGIN, Map.of("signMethod", "hmacSha256",
                "deviceList", withoutMethod));

        assertThat(reply.code()).isEqualTo(200);
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactlyElementsOf(ids(entries));
        assertThat(topLevel.code()).isEqualTo(200);
        assertThat(platform.onlineSubDevices()).containsExactlyInAnyOrderElementsOf(ids(entries));
    }

    @Test
    void batchLoginIsAllOrNothing() throws Exception {
        List<LoginParams> entries = new ArrayList<>(registerAndSign(3));
        LoginParams good = entries.get(1);
        entries.set(1, new LoginParams(good.productKey(), good.deviceName(), good.clientId(), good.timestamp(),
                good.signMethod(), "00" + good.sign().substring(2), good.cleanSession()));
        entries.add(AlinkTestGateway.login(SUB_PK, "unknown-device", "x"));

        AlinkReply reply = gateway.call(BATCH_LOGIN, AlinkTestGateway.batchLogin(entries));

        assertThat(reply.code()).as("the first failure's code").isEqualTo(AlinkCodes.INVALID_SIGN);
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(
                new SubDeviceId(SUB_PK, "dev-1"), new SubDeviceId(SUB_PK, "unknown-device"));
        assertThat(platform.onlineCount()).isZero();
    }

    @Test
    void batchLoginOverTheCapIsRefusedWholeWith428() throws Exception {
        useOwnPlatform(AlinkPlatformSimulator.builder(broker.brokerUrl(), "a1GwPk00001", nextGateway())
                .maxOnlineSubDevices(3));
        List<LoginParams> entries = registerAndSign(3);
        platform.setOnline(SUB_PK, "other");

        AlinkReply reply = gateway.call(BATCH_LOGIN, AlinkTestGateway.batchLogin(entries));

        assertThat(reply.code()).isEqualTo(AlinkCodes.TOO_MANY_SUB_DEVICES);
        assertThat(platform.onlineSubDevices()).containsExactly(new SubDeviceId(SUB_PK, "other"));
    }

    @Test
    void batchOf51IsAParameterError() throws Exception {
        List<LoginParams> entries = registerAndSign(51);

        AlinkReply login = gateway.call(BATCH_LOGIN, AlinkTestGateway.batchLogin(entries));
        entries.forEach(e -> platform.setOnline(e.productKey(), e.deviceName()));
        AlinkReply logout = gateway.call(BATCH_LOGOUT, ids(entries));

        assertThat(login.code()).isEqualTo(460);
        assertThat(logout.code()).isEqualTo(460);
        // a failure carries data too, as the platform's does (Python LinkKit throws on a reply without it)
        assertThat(login.data()).as("data of a refused batch").isNotNull();
        assertThat(login.data().isArray()).isTrue();
        assertThat(platform.onlineCount()).isEqualTo(51);
        assertThat(platform.violations()).hasSize(2).allMatch(v -> v.contains("51 sub-devices"));
    }

    @Test
    void batchNamingADeviceTwiceOrEmptyIsAParameterError() throws Exception {
        List<LoginParams> entries = registerAndSign(2);
        platform.setOnline(SUB_PK, "dev-0");

        assertThat(gateway.call(BATCH_LOGIN, AlinkTestGateway.batchLogin(
                List.of(entries.get(0), entries.get(1), entries.get(0)))).code()).isEqualTo(460);
        assertThat(gateway.call(BATCH_LOGOUT, List.of(new SubDeviceId(SUB_PK, "dev-0"),
                new SubDeviceId(SUB_PK, "dev-0"))).code()).isEqualTo(460);
        assertThat(gateway.call(BATCH_LOGOUT, List.of()).code()).isEqualTo(460);
        assertThat(gateway.call(BATCH_LOGOUT, new SubDeviceId(SUB_PK, "dev-0")).code())
                .as("batch_logout params are an array").isEqualTo(460);
        assertThat(platform.onlineSubDevices()).containsExactly(new SubDeviceId(SUB_PK, "dev-0"));
    }

    @Test
    void batchLogoutWithOneDeviceWithoutSessionChangesNothing() throws Exception {
        platform.setOnline(SUB_PK, "dev-0");
        platform.setOnline(SUB_PK, "dev-2");
        List<SubDeviceId> request = List.of(new SubDeviceId(SUB_PK, "dev-0"), new SubDeviceId(SUB_PK, "dev-1"),
                new SubDeviceId(SUB_PK, "dev-2"));

        AlinkReply reply = gateway.call(BATCH_LOGOUT, request);

        assertThat(reply.code()).isEqualTo(AlinkCodes.DEVICE_NO_SESSION);
        assertThat(reply.data().isArray()).isTrue();
        assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(new SubDeviceId(SUB_PK, "dev-1"));
        assertThat(platform.isOnline(SUB_PK, "dev-0")).isTrue();
        assertThat(platform.isOnline(SUB_PK, "dev-2")).isTrue();

        platform.setOnline(SUB_PK, "dev-1");
        AlinkReply all = gateway.call(BATCH_LOGOUT, request);
        assertThat(all.code()).isEqualTo(200);
        assertThat(AlinkJson.subDevicesIn(all.data())).containsExactlyElementsOf(request);
        assertThat(platform.onlineCount()).isZero();
    }

    @Test
    void requestAtQos1IsNeverAnsweredAndIsAViolation() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", "s1");
        String payload = new String(AlinkJson.request("77", AlinkTestGateway.login(SUB_PK, "sensor-01", "s1")),
                StandardCharsets.UTF_8);

        gateway.send(LOGIN, payload, 1);

        assertThat(gateway.repliesWithin(QUIET)).isEmpty();
        assertThat(platform.requestCount(LOGIN)).isEqualTo(1);
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isFalse();
        assertThat(platform.violations()).singleElement().asString().contains("QoS 1");
        assertThat(broker.publishCount(platform.topics().reply(LOGIN))).isZero();
    }

    @Test
    void idThatIsNotADecimalStringIsAnswered460AndRecorded() throws Exception {
        gateway.send(LOGOUT, "{\"id\":123,\"params\":{\"productKey\":\"p\",\"deviceName\":\"d\"}}", 0);
        AlinkReply numeric = gateway.awaitReply(LOGOUT, "123");
        gateway.send(LOGOUT, "{\"id\":\"4294967296\",\"params\":{\"productKey\":\"p\",\"deviceName\":\"d\"}}", 0);
        AlinkReply tooBig = gateway.awaitReply(LOGOUT, "4294967296");
        gateway.send(LOGOUT, "{\"id\":\"abc\",\"params\":{\"productKey\":\"p\",\"deviceName\":\"d\"}}", 0);
        AlinkReply letters = gateway.awaitReply(LOGOUT, "abc");
        gateway.send(LOGOUT, "{\"id\":\"4294967295\",\"params\":{\"productKey\":\"p\",\"deviceName\":\"d\"}}", 0);
        AlinkReply largest = gateway.awaitReply(LOGOUT, "4294967295");

        assertThat(List.of(numeric.code(), tooBig.code(), letters.code())).containsOnly(460);
        assertThat(numeric.data()).as("data of a refused single").isNotNull();
        assertThat(numeric.data().isObject()).isTrue();
        assertThat(largest.code()).as("the largest id is fine; no session is the answer").isEqualTo(520);
        assertThat(platform.violations()).hasSize(3);
    }

    @Test
    void unreadableRequestsAreDroppedAndRecorded() throws Exception {
        gateway.send(LOGIN, "not json at all", 0);
        gateway.send(LOGIN, "{\"params\":{}}", 0);
        gateway.send(LOGIN, "{\"id\":\"5\"}", 0);

        AlinkReply noParams = gateway.awaitReply(LOGIN, "5");

        assertThat(noParams.code()).isEqualTo(460);
        assertThat(gateway.repliesWithin(QUIET)).isEmpty();
        assertThat(platform.requestCount(LOGIN)).isEqualTo(3);
        assertThat(platform.violations()).hasSize(3);
    }

    @Test
    void brokerCountsExactlyTheRequestsAndRepliesSent() throws Exception {
        platform.setOnline(SUB_PK, "dev-0");
        String requestTopic = platform.topics().request(LOGOUT);
        String replyTopic = platform.topics().reply(LOGOUT);

        for (int i = 0; i < 5; i++) {
            gateway.call(LOGOUT, new SubDeviceId(SUB_PK, "dev-0"));
        }

        Await.until("5 replies at the broker", () -> broker.publishCount(replyTopic) == 5);
        assertThat(broker.publishCount(requestTopic)).isEqualTo(5);
        assertThat(broker.qosCounts(requestTopic)).isEqualTo(Map.of(0, 5L));
        assertThat(broker.qosCounts(replyTopic)).isEqualTo(Map.of(0, 5L));
        assertThat(platform.requestCount(LOGOUT)).isEqualTo(5);
    }

    @Test
    void silentPlatformCountsButNeitherActsNorAnswers() throws Exception {
        platform.registerSubDevice(SUB_PK, "sensor-01", "s1");
        platform.setSilent(true);

        String id = gateway.nextId();
        gateway.send(LOGIN, json(id, AlinkTestGateway.login(SUB_PK, "sensor-01", "s1")), 0);

        assertThat(gateway.repliesWithin(QUIET)).isEmpty();
        assertThat(platform.requestCount(LOGIN)).isEqualTo(1);
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isFalse();

        platform.setSilent(false);
        assertThat(gateway.call(LOGIN, AlinkTestGateway.login(SUB_PK, "sensor-01", "s1")).code()).isEqualTo(200);
    }

    @Test
    void duplicateRepliesSendEveryReplyTwice() throws Exception {
        platform.setDuplicateReplies(true);

        String id = gateway.nextId();
        gateway.send(LOGOUT, json(id, new SubDeviceId(SUB_PK, "x")), 0);

        List<TestMqttClient.Received> replies = gateway.repliesWithin(QUIET);
        assertThat(replies).hasSize(2);
        assertThat(replies).extracting(r -> read(r).id()).containsOnly(id);
        assertThat(replies.get(0).payload()).isEqualTo(replies.get(1).payload());
    }

    @Test
    void unsolicitedRepliesAddAWellFormedSuccessToAnIdNobodyUsed() throws Exception {
        platform.setUnsolicitedReplies(true);

        String id = gateway.nextId();
        gateway.send(BATCH_LOGOUT, json(id, List.of(new SubDeviceId(SUB_PK, "x"))), 0);

        List<TestMqttClient.Received> replies = gateway.repliesWithin(QUIET);
        assertThat(replies).hasSize(2).allMatch(r -> r.topic().equals(platform.topics().reply(BATCH_LOGOUT)));
        AlinkReply real = read(replies.get(0));
        AlinkReply ghost = read(replies.get(1));
        assertThat(real.id()).isEqualTo(id);
        assertThat(real.code()).isEqualTo(520);
        assertThat(ghost.id()).isNotEqualTo(id).matches("\\d{1,10}");
        assertThat(ghost.code()).isEqualTo(200);
        assertThat(ghost.data().isArray()).isTrue();
        assertThat(AlinkJson.subDevicesIn(ghost.data())).hasSize(1);
    }

    @Test
    void reorderedRepliesAllArriveEachWithItsOwnResult() throws Exception {
        platform.setReorderReplies(true);
        Map<String, String> deviceById = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String id = gateway.nextId();
            deviceById.put(id, "dev-" + i);
            if (i % 2 == 0) {
                platform.setOnline(SUB_PK, "dev-" + i);
            }
            gateway.send(LOGOUT, json(id, new SubDeviceId(SUB_PK, "dev-" + i)), 0);
        }

        List<TestMqttClient.Received> replies = new ArrayList<>();
        Await.until("30 replies", () -> {
            try {
                replies.addAll(gateway.repliesWithin(Duration.ofMillis(50)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return replies.size() >= 30;
        });
        for (TestMqttClient.Received received : replies) {
            AlinkReply reply = read(received);
            String device = deviceById.get(reply.id());
            int n = Integer.parseInt(device.substring(4));
            assertThat(reply.code()).isEqualTo(n % 2 == 0 ? 200 : 520);
            assertThat(AlinkJson.subDevicesIn(reply.data())).containsExactly(new SubDeviceId(SUB_PK, device));
        }
        assertThat(replies).extracting(r -> read(r).id()).containsExactlyInAnyOrderElementsOf(deviceById.keySet());
    }

    @Test
    void resetCountersClearsCountsAndViolationsButKeepsSessions() throws Exception {
        platform.setOnline(SUB_PK, "dev-0");
        gateway.send(LOGOUT, "garbage", 0);
        Await.until("the violation", () -> platform.violations().size() == 1);

        platform.resetCounters();

        assertThat(platform.requestCount(LOGOUT)).isZero();
        assertThat(platform.violations()).isEmpty();
        assertThat(platform.isOnline(SUB_PK, "dev-0")).isTrue();
    }

    private List<LoginParams> registerAndSign(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            platform.registerSubDevice(SUB_PK, "dev-" + i, "secret-" + i);
            return AlinkTestGateway.login(SUB_PK, "dev-" + i, "secret-" + i);
        }).toList();
    }

    private static List<SubDeviceId> ids(List<LoginParams> entries) {
        return entries.stream().map(LoginParams::id).toList();
    }

    private static String json(String id, Object params) {
        return new String(AlinkJson.request(id, params), StandardCharsets.UTF_8);
    }

    private static AlinkReply read(TestMqttClient.Received received) {
        return AlinkJson.readReply(received.payload().getBytes(StandardCharsets.UTF_8));
    }

    /** A platform of its own for a test that needs other limits. */
    private void useOwnPlatform(AlinkPlatformSimulator.Builder builder) throws Exception {
        platform = builder.start();
        gateway = new AlinkTestGateway(broker.brokerUrl(), platform.topics());
        ownPlatform = true;
    }

    private static String nextGateway() {
        return "gw-own-" + GATEWAYS.incrementAndGet();
    }
}
