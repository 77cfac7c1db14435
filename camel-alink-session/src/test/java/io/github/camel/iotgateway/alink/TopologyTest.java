package io.github.camel.iotgateway.alink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.alink.error.AlinkInvalidSignException;
import io.github.camel.iotgateway.alink.error.AlinkNoTopologyException;
import io.github.camel.iotgateway.alink.error.AlinkSessionException;
import io.github.camel.iotgateway.alink.error.AlinkSubDeviceUnavailableException;
import io.github.camel.iotgateway.alink.error.AlinkTopologyRefusedException;
import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import org.apache.camel.Exchange;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topology over the real broker, against a simulator that refuses a login without it (6401): register (the
 * simulator's createSubDevice, as the console does) → addTopology → login, as the docs show.
 */
class TopologyTest extends AlinkTestSupport {

    private static final String SECRET = "subSecret-topology";

    private void create(List<SubDeviceId> ids) {
        ids.forEach(id -> platform.createSubDevice(id.productKey(), id.deviceName(), SECRET));
    }

    private static List<SubDevice> withSecret(List<SubDeviceId> ids, String secret) {
        return ids.stream().map(id -> SubDevice.withSecret(id.productKey(), id.deviceName(), secret)).toList();
    }

    @Test
    void aSubDeviceWithoutTopologyFailsItsLoginWith6401ThenLogsInOnceAdded() {
        SubDeviceId device = new SubDeviceId(SUB_PK, "topo-order");
        create(List.of(device));

        Exchange refused = template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "topo-order", SECRET)));
        assertThat(refused.getException()).isInstanceOf(AlinkNoTopologyException.class)
                .isInstanceOf(AlinkSubDeviceUnavailableException.class);
        assertThat(((AlinkSessionException) refused.getException()).getCode()).isEqualTo(6401);
        assertThat(((AlinkSessionException) refused.getException()).getSubDevices()).containsExactly(device);

        Exchange added = template.send("alink-session:addTopology",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "topo-order", SECRET)));
        assertThat(added.getException()).isNull();
        assertThat(added.getMessage().getBody(List.class)).containsExactly(device);
        assertThat(added.getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200);
        assertThat(platform.hasTopology(SUB_PK, "topo-order")).isTrue();

        Exchange login = template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "topo-order", SECRET)));
        assertThat(login.getException()).isNull();
        assertThat(platform.isOnline(SUB_PK, "topo-order")).isTrue();
    }

    @Test
    void aListOf65IsAddedIn30s30And5EachEntrySignedUnderTheLowercaseSignmethod() throws Exception {
        List<SubDeviceId> ids = devices("topo-many", 65);
        create(ids);
        List<JsonNode> seen = watch(TopologyOperation.ADD);

        Exchange added = template.send("alink-session:addTopology?signMethod=hmacSha1",
                e -> e.getMessage().setBody(withSecret(ids, SECRET)));

        assertThat(added.getException()).isNull();
        assertThat(added.getMessage().getBody(List.class)).containsExactlyElementsOf(ids);
        assertThat(platform.requestCount(TopologyOperation.ADD)).isEqualTo(3);
        assertThat(platform.topology()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(added.getMessage().getHeader(AlinkSessionConstants.REQUEST_ID, String.class).split(",")).hasSize(3);
        awaitSeen(seen, 3);
        assertThat(seen.stream().map(m -> m.get("params").size())).containsExactlyInAnyOrder(30, 30, 5);
        JsonNode first = seen.get(0);
        assertThat(first.get("method").asText()).isEqualTo("thing.topo.add");
        assertThat(first.get("version").asText()).isEqualTo("1.0");
        JsonNode entry = first.get("params").get(0);
        assertThat(entry.get("signmethod").asText()).isEqualTo("hmacSha1");
        assertThat(entry.has("signMethod")).isFalse();
        assertThat(entry.get("clientId").asText()).isEqualTo(SUB_PK + "&" + entry.get("deviceName").asText());

        // every one of them may now log in: batchLogin sends 50 + 15
        Exchange login = template.send("alink-session:batchLogin", e -> e.getMessage().setBody(withSecret(ids, SECRET)));
        assertThat(login.getException()).isNull();
        assertThat(platform.onlineCount()).isEqualTo(65);
    }

    @Test
    void aWrongSecretFailsWith401AndAttachesNoneOfItsMessage() {
        List<SubDeviceId> ids = devices("topo-badsign", 3);
        create(ids);
        List<SubDevice> body = List.of(SubDevice.withSecret(SUB_PK, "topo-badsign-000", SECRET),
                SubDevice.withSecret(SUB_PK, "topo-badsign-001", "not-its-secret"),
                SubDevice.withSecret(SUB_PK, "topo-badsign-002", SECRET));

        Exchange added = template.send("alink-session:addTopology", e -> e.getMessage().setBody(body));

        assertThat(added.getException()).isInstanceOf(AlinkInvalidSignException.class);
        AlinkSessionException error = (AlinkSessionException) added.getException();
        assertThat(error.getCode()).isEqualTo(401);
        assertThat(error.getRequestId()).isNotNull();
        assertThat(platform.topology()).isEmpty();
    }

    @Test
    void aSubDeviceNoProductHasFailsWith6100() {
        Exchange added = template.send("alink-session:addTopology",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "topo-unknown", SECRET)));
        assertThat(added.getException()).isInstanceOf(AlinkSubDeviceUnavailableException.class);
        assertThat(((AlinkSessionException) added.getException()).getCode()).isEqualTo(6100);

        Exchange deleted = template.send("alink-session:deleteTopology",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "topo-unknown")));
        assertThat(deleted.getException()).isInstanceOf(AlinkSubDeviceUnavailableException.class);
        assertThat(((AlinkSessionException) deleted.getException()).getCode()).isEqualTo(6100);
    }

    @Test
    void badInputFailsBeforeAnythingIsPublished() {
        Exchange noSecret = template.send("alink-session:addTopology",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "topo-nosecret")));
        assertThat(noSecret.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining("topology").hasMessageContaining("deviceSecret");

        Exchange itself = template.send("alink-session:addTopology",
                e -> e.getMessage().setBody(SubDevice.withSecret(gatewayProductKey, gatewayDeviceName, SECRET)));
        assertThat(itself.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining("its own sub-device");

        Exchange twice = template.send("alink-session:deleteTopology", e -> e.getMessage().setBody(
                List.of(new SubDeviceId(SUB_PK, "topo-twice"), new SubDeviceId(SUB_PK, "topo-twice"))));
        assertThat(twice.getException()).isInstanceOf(InvalidSubDeviceException.class);

        Exchange wrongHeader = template.send("alink-session:addTopology", e -> {
            e.getMessage().setHeader(AlinkSessionConstants.OPERATION, "login");
            e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "topo-header", SECRET));
        });
        assertThat(wrongHeader.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining("addTopology, deleteTopology or getTopology");

        assertThat(platform.requestCount(TopologyOperation.ADD)).isZero();
        assertThat(platform.requestCount(TopologyOperation.DELETE)).isZero();
    }

    @Test
    void deletingTheTopologyOfOnlineSubDevicesEndsTheirSessionsAndTheyAreNotHeldOnline() {
        List<SubDeviceId> ids = devices("topo-del", 3);
        ids.forEach(id -> platform.registerSubDevice(id.productKey(), id.deviceName(), SECRET));
        assertThat(template.send("alink-session:batchLogin", e -> e.getMessage().setBody(withSecret(ids, SECRET)))
                .getException()).isNull();
        AlinkSessionClient client = onlyClient();
        assertThat(client.online().onlineCount()).isEqualTo(3);

        Exchange deleted = template.send("alink-session:deleteTopology", e -> e.getMessage().setBody(ids.subList(0, 2)));

        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getBody(List.class)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(platform.topology()).containsExactly(ids.get(2));
        assertThat(platform.onlineSubDevices()).containsExactly(ids.get(2));
        assertThat(client.online().onlineCount()).isEqualTo(1);

        Exchange again = template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "topo-del-000", SECRET)));
        assertThat(again.getException()).isInstanceOf(AlinkNoTopologyException.class);
    }

    @Test
    void getTopologyListsWhatThePlatformHolds() {
        List<SubDeviceId> ids = devices("topo-get", 4);
        ids.forEach(id -> platform.registerSubDevice(id.productKey(), id.deviceName(), SECRET));

        Exchange got = template.send("alink-session:getTopology", e -> e.getMessage().setBody(null));

        assertThat(got.getException()).isNull();
        assertThat(got.getMessage().getBody(List.class)).containsExactlyElementsOf(platform.topology())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(platform.requestCount(TopologyOperation.GET)).isEqualTo(1);
    }

    @Test
    void theCodesOfTheTopologyRepliesMapToTypedErrors() {
        List<SubDeviceId> one = List.of(new SubDeviceId(SUB_PK, "x-0001"));
        assertThat(AlinkSessionException.of(6402, null, one, "1", List.of()))
                .isInstanceOf(AlinkTopologyRefusedException.class).hasMessageContaining("cannot add by self");
        assertThat(AlinkSessionException.of(401, null, one, "1", List.of()))
                .isInstanceOf(AlinkInvalidSignException.class).hasMessageContaining("request auth error");
        assertThat(AlinkSessionException.of(6401, null, one, "1", List.of()))
                .isInstanceOf(AlinkNoTopologyException.class);
        assertThat(AlinkSessionException.of(460, null, one, "1", List.of()))
                .isInstanceOf(io.github.camel.iotgateway.alink.error.AlinkRequestParameterException.class);
    }

    private AlinkSessionClient onlyClient() {
        Set<?> clients = Set.copyOf(context.getComponent("alink-session", AlinkSessionComponent.class).gatewayClients());
        assertThat(clients).hasSize(1);
        return (AlinkSessionClient) clients.iterator().next();
    }

    /** What reaches the broker on a topology request topic, seen by an independent subscriber. */
    private List<JsonNode> watch(TopologyOperation operation) throws Exception {
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        MqttClient watcher = new MqttClient(brokerUrl(), "topo-watch-" + System.nanoTime(), null);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        watcher.connect(options);
        watcher.subscribe("/sys/" + gatewayProductKey + "/" + gatewayDeviceName + "/thing/topo/" + operation.topicSuffix(),
                0, (topic, message) -> seen.add(AlinkJson.mapper().readTree(
                        new String(message.getPayload(), StandardCharsets.UTF_8))));
        watchers.add(watcher);
        return seen;
    }

    private final List<MqttClient> watchers = new CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeWatchers() throws Exception {
        for (MqttClient watcher : watchers) {
            watcher.disconnectForcibly(500);
            watcher.close(true);
        }
    }

    private static void awaitSeen(List<JsonNode> seen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (seen.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(IntStream.of(seen.size())).containsExactly(count);
    }
}
