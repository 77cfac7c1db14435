package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceNoticeParas;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceNoticeParas;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.DeletedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeviceFailure;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import io.github.camel.iotgateway.protocol.iotda.SyncRequestParas;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusParas;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusResponseParas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.github.camel.iotgateway.protocol.iotda.EventType.ADD_SUB_DEVICE_REQUEST;
import static io.github.camel.iotgateway.protocol.iotda.EventType.DELETE_SUB_DEVICE_REQUEST;
import static io.github.camel.iotgateway.protocol.iotda.EventType.SUB_DEVICE_UPDATE_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

class IotdaPlatformSimulatorTest {

    private static final String GW = "6650a1b2c3d4e5f6a7b8c9d0_gw01";
    private static final String PRODUCT = "6650a1b2c3d4e5f6a7b8c9d0";
    private static final Duration QUIET = Duration.ofMillis(300);

    private static EmbeddedMqttBroker broker;
    // shared: each Paho connect costs about 300 ms (Paho 1.2.5 polls its threads' start with 100 ms sleeps)
    private static IotdaPlatformSimulator platform;
    private static IotdaTestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), GW);
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
        broker.resetCounts();
    }

    @Test
    void deleteRemovesKnownChildrenAndFailsUnknownOnes() throws Exception {
        platform.registerChild(PRODUCT + "_meter-001");
        platform.registerChild(PRODUCT + "_meter-003");
        String eventId = EventIds.next();
        gateway.send(json(DELETE_SUB_DEVICE_REQUEST, eventId,
                new DeleteSubDeviceParas(List.of(PRODUCT + "_meter-001", PRODUCT + "_meter-002"))), 1);

        IotdaMessage message = gateway.awaitEvent(eventId);

        assertThat(message.objectDeviceId()).isEqualTo(GW);
        ServiceEvent response = message.services().get(0);
        assertThat(response.serviceId()).isEqualTo("$sub_device_manager");
        assertThat(response.eventType()).isEqualTo("delete_sub_device_response");
        assertThat(EventTime.isWellFormed(response.eventTime())).isTrue();
        DeleteSubDeviceResponseParas paras = IotdaJson.convert(response.paras(), DeleteSubDeviceResponseParas.class);
        assertThat(paras.successfulDevices()).containsExactly(PRODUCT + "_meter-001");
        assertThat(paras.failedDevices()).containsExactly(new DeviceFailure(PRODUCT + "_meter-002",
                IotdaSimulatorCodes.DEVICE_NOT_FOUND, "device not found"));
        assertThat(platform.children()).containsExactly(PRODUCT + "_meter-003");
        assertThat(platform.requestCount(DELETE_SUB_DEVICE_REQUEST)).isEqualTo(1);
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void deleteOf51IsRejectedWholeAndRecorded() throws Exception {
        List<String> ids = IntStream.range(0, 51).mapToObj(i -> "dev-" + i).toList();
        ids.forEach(platform::registerChild);

        ServiceEvent response = gateway.call(DELETE_SUB_DEVICE_REQUEST, new DeleteSubDeviceParas(ids));
        ServiceEvent empty = gateway.call(DELETE_SUB_DEVICE_REQUEST, new DeleteSubDeviceParas(List.of()));

        DeleteSubDeviceResponseParas paras = IotdaJson.convert(response.paras(), DeleteSubDeviceResponseParas.class);
        assertThat(paras.successfulDevices()).isEmpty();
        assertThat(paras.failedDevices()).hasSize(51)
                .allMatch(f -> f.errorCode().equals(IotdaSimulatorCodes.INVALID_PARAMETER));
        assertThat(paras.failedDevices()).extracting(DeviceFailure::deviceId).containsExactlyElementsOf(ids);
        assertThat(IotdaJson.convert(empty.paras(), DeleteSubDeviceResponseParas.class).failedDevices()).isEmpty();
        assertThat(platform.children()).hasSize(51);
        assertThat(platform.violations()).hasSize(2);
        assertThat(platform.violations().get(0)).contains("51 devices");
    }

    @Test
    void addCreatesChildrenWithGivenOrDerivedDeviceIds() throws Exception {
        JsonNode extension = IotdaJson.mapper().readTree("{\"bus\":\"rs485\",\"addr\":1}");
        DeviceInfo derived = new DeviceInfo("meter-001", PRODUCT, null, "meter 1", null, extension, null);
        DeviceInfo given = new DeviceInfo("meter-002", PRODUCT, "my-meter-2", null, null, null, null);

        ServiceEvent response = gateway.call(ADD_SUB_DEVICE_REQUEST, new AddSubDeviceParas(List.of(derived, given)));

        assertThat(response.eventType()).isEqualTo("add_sub_device_response");
        AddSubDeviceResponseParas paras = IotdaJson.convert(response.paras(), AddSubDeviceResponseParas.class);
        assertThat(paras.failedDevices()).isEmpty();
        assertThat(paras.successfulDevices()).extracting(AddedDevice::deviceId)
                .containsExactly(PRODUCT + "_meter-001", "my-meter-2");
        AddedDevice first = paras.successfulDevices().get(0);
        assertThat(first.parentDeviceId()).isEqualTo(GW);
        assertThat(first.nodeId()).isEqualTo("meter-001");
        assertThat(first.productId()).isEqualTo(PRODUCT);
        assertThat(first.status()).isEqualTo("INACTIVE");
        assertThat(first.extensionInfo()).isEqualTo(extension);
        assertThat(platform.children()).containsExactlyInAnyOrder(PRODUCT + "_meter-001", "my-meter-2");
        assertThat(platform.childStatus("my-meter-2")).isEqualTo("INACTIVE");
    }

    @Test
    void addFailsDevicesOneByOne() throws Exception {
        platform.registerChild(PRODUCT + "_exists");
        String bigText = "x".repeat(1100);
        List<DeviceInfo> devices = List.of(
                DeviceInfo.of("ok-1", PRODUCT),
                new DeviceInfo("no-product", null, null, null, null, null, null),
                new DeviceInfo("too-big", PRODUCT, null, null, null,
                        IotdaJson.mapper().valueToTree(Map.of("blob", bigText)), null),
                DeviceInfo.of("exists", PRODUCT),
                DeviceInfo.of("ok-1", PRODUCT));

        ServiceEvent response = gateway.call(ADD_SUB_DEVICE_REQUEST, new AddSubDeviceParas(devices));

        AddSubDeviceResponseParas paras = IotdaJson.convert(response.paras(), AddSubDeviceResponseParas.class);
        assertThat(paras.successfulDevices()).extracting(AddedDevice::deviceId).containsExactly(PRODUCT + "_ok-1");
        assertThat(paras.failedDevices()).extracting(f -> f.nodeId() + ":" + f.errorCode()).containsExactly(
                "no-product:" + IotdaSimulatorCodes.INVALID_PARAMETER,
                "too-big:" + IotdaSimulatorCodes.INVALID_PARAMETER,
                "exists:" + IotdaSimulatorCodes.DEVICE_ALREADY_EXISTS,
                "ok-1:" + IotdaSimulatorCodes.DEVICE_ALREADY_EXISTS);
        assertThat(paras.failedDevices().get(1).errorMsg()).contains("extension_info").contains("1024");
        assertThat(platform.violations()).hasSize(2);
    }

    @Test
    void extensionInfoOfExactly1024BytesIsAccepted() throws Exception {
        // {"b":"..."} is 8 bytes of JSON around the text
        JsonNode exact = IotdaJson.mapper().valueToTree(Map.of("b", "y".repeat(1024 - 8)));
        assertThat(IotdaJson.sizeInBytes(exact)).isEqualTo(1024);

        ServiceEvent response = gateway.call(ADD_SUB_DEVICE_REQUEST, new AddSubDeviceParas(List.of(
                new DeviceInfo("edge", PRODUCT, null, null, null, exact, null))));

        assertThat(IotdaJson.convert(response.paras(), AddSubDeviceResponseParas.class).successfulDevices())
                .hasSize(1);
    }

    @Test
    void addOf51IsRejectedWhole() throws Exception {
        List<DeviceInfo> devices = IntStream.range(0, 51).mapToObj(i -> DeviceInfo.of("n" + i, PRODUCT)).toList();

        ServiceEvent response = gateway.call(ADD_SUB_DEVICE_REQUEST, new AddSubDeviceParas(devices));

        AddSubDeviceResponseParas paras = IotdaJson.convert(response.paras(), AddSubDeviceResponseParas.class);
        assertThat(paras.successfulDevices()).isEmpty();
        assertThat(paras.failedDevices()).hasSize(51);
        assertThat(paras.failedDevices().get(50).nodeId()).isEqualTo("n50");
        assertThat(platform.children()).isEmpty();
        assertThat(platform.violations()).singleElement().asString().contains("51 devices");
    }

    @Test
    void statusUpdateSetsKnownChildrenAndFailsTheRest() throws Exception {
        platform.registerChild("c1");
        platform.registerChild("c2");

        ServiceEvent response = gateway.call(SUB_DEVICE_UPDATE_STATUS, new UpdateStatusParas(List.of(
                DeviceStatus.online("c1"), DeviceStatus.offline("c2"), DeviceStatus.online("stranger"),
                new DeviceStatus("c1", "BUSY"))));

        assertThat(response.eventType()).isEqualTo("sub_device_update_status_response");
        UpdateStatusResponseParas paras = IotdaJson.convert(response.paras(), UpdateStatusResponseParas.class);
        assertThat(paras.successfulDevices()).containsExactly(DeviceStatus.online("c1"), DeviceStatus.offline("c2"));
        assertThat(paras.failedDevices()).extracting(f -> f.deviceId() + ":" + f.errorCode()).containsExactly(
                "stranger:" + IotdaSimulatorCodes.DEVICE_NOT_FOUND, "c1:" + IotdaSimulatorCodes.INVALID_PARAMETER);
        assertThat(platform.childStatus("c1")).isEqualTo("ONLINE");
        assertThat(platform.childStatus("c2")).isEqualTo("OFFLINE");
        assertThat(platform.violations()).singleElement().asString().contains("BUSY");
    }

    @Test
    void statusUpdateTakesOneToAHundred() throws Exception {
        List<DeviceStatus> many = IntStream.range(0, 101).mapToObj(i -> DeviceStatus.online("c" + i)).toList();
        many.forEach(s -> platform.registerChild(s.deviceId()));

        ServiceEvent tooMany = gateway.call(SUB_DEVICE_UPDATE_STATUS, new UpdateStatusParas(many));
        ServiceEvent none = gateway.call(SUB_DEVICE_UPDATE_STATUS, new UpdateStatusParas(List.of()));
        ServiceEvent hundred = gateway.call(SUB_DEVICE_UPDATE_STATUS, new UpdateStatusParas(many.subList(0, 100)));

        assertThat(IotdaJson.convert(tooMany.paras(), UpdateStatusResponseParas.class).failedDevices()).hasSize(101);
        assertThat(IotdaJson.convert(none.paras(), UpdateStatusResponseParas.class).successfulDevices()).isEmpty();
        assertThat(IotdaJson.convert(hundred.paras(), UpdateStatusResponseParas.class).successfulDevices())
                .hasSize(100);
        assertThat(platform.childStatus("c100")).isEqualTo("INACTIVE");
        assertThat(platform.violations()).hasSize(2);
    }

    @Test
    void envelopeRulesAreCheckedAndRecorded() throws Exception {
        platform.registerChild("c1");
        String paras = "{\"devices\":[\"c1\"]}";
        String badTime = EventIds.next();
        gateway.send(envelope("$sub_device_manager", badTime, "2024-05-18 09:00", paras), 1);
        IotdaMessage answeredDespiteTime = gateway.awaitEvent(badTime);
        gateway.send(envelope("$sub_device_manager", "short-id", null, paras), 1);
        IotdaMessage answeredDespiteId = gateway.awaitEvent("short-id");
        gateway.send(envelope("$sub_device_manager", null, null, paras), 1);
        IotdaMessage generated = gateway.awaitEventType("delete_sub_device_response");
        String wrongService = EventIds.next();
        gateway.send(envelope("sub_device_manager", wrongService, null, paras), 1);

        assertThat(answeredDespiteTime.services().get(0).eventType()).isEqualTo("delete_sub_device_response");
        assertThat(answeredDespiteId.services().get(0).eventType()).isEqualTo("delete_sub_device_response");
        assertThat(EventIds.isWellFormed(generated.services().get(0).eventId())).isTrue();
        assertThat(gateway.eventsWithId(wrongService, QUIET)).as("another service_id: not answered").isEmpty();
        assertThat(platform.ignoredServices()).isEqualTo(1);
        // a missing event_id and another service_id are what the platform tolerates, not violations
        assertThat(platform.violations()).hasSize(2);
        assertThat(platform.violations()).anyMatch(v -> v.contains("event_time"))
                .anyMatch(v -> v.contains("short-id"));
    }

    @Test
    void requestWithoutEventIdIsActedUponAndAnsweredWithAMadeUpOne() throws Exception {
        platform.registerChild("c1");
        // left out, as the Java SDK (Gson) writes the null event_id of its demos
        gateway.send(envelope("$sub_device_manager", null, null, "{\"devices\":[\"c1\"]}"), 1);
        ServiceEvent deleted = gateway.awaitEventType("delete_sub_device_response").services().get(0);
        // or an explicit JSON null
        gateway.send("{\"services\":[{\"service_id\":\"$sub_device_manager\",\"event_type\":\"add_sub_device_request\","
                     + "\"event_id\":null,\"paras\":{\"devices\":[{\"node_id\":\"n1\",\"product_id\":\"" + PRODUCT
                     + "\"}]}}]}", 1);
        ServiceEvent added = gateway.awaitEventType("add_sub_device_response").services().get(0);

        assertThat(EventIds.isWellFormed(deleted.eventId())).isTrue();
        assertThat(IotdaJson.convert(deleted.paras(), DeleteSubDeviceResponseParas.class).successfulDevices())
                .containsExactly("c1");
        assertThat(EventIds.isWellFormed(added.eventId())).isTrue();
        assertThat(added.eventId()).isNotEqualTo(deleted.eventId());
        assertThat(IotdaJson.convert(added.paras(), AddSubDeviceResponseParas.class).successfulDevices())
                .extracting(AddedDevice::deviceId).containsExactly(PRODUCT + "_n1");
        assertThat(platform.children()).containsExactly(PRODUCT + "_n1");
        assertThat(platform.requestCount(DELETE_SUB_DEVICE_REQUEST)).isEqualTo(1);
        assertThat(platform.requestCount(ADD_SUB_DEVICE_REQUEST)).isEqualTo(1);
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void otherServicesOnEventsUpAreIgnoredWithoutAViolation() throws Exception {
        platform.registerChild("c1");
        // what the Java SDK also sends on events/up: device log, SDK info, and its sync without the '$'
        gateway.send("{\"object_device_id\":\"" + GW + "\",\"services\":[{\"service_id\":\"$log\","
                     + "\"event_type\":\"log_report\",\"event_time\":\"20240518T093012Z\",\"paras\":{"
                     + "\"timestamp\":\"1716024612000\",\"type\":\"DEVICE_STATUS\",\"content\":\"log\"}}]}", 1);
        gateway.send("{\"object_device_id\":\"" + GW + "\",\"services\":[{\"service_id\":\"$sdk_info\","
                     + "\"event_type\":\"sdk_info_report\",\"paras\":{\"device_sdk_version\":\"JAVA_v1.2.0\","
                     + "\"sw_version\":\"v1.0\",\"fw_version\":\"v1.0\"}}]}", 1);
        gateway.send("{\"services\":[{\"service_id\":\"sub_device_manager\",\"event_type\":\"sub_device_sync_request\","
                     + "\"paras\":{\"version\":5}}]}", 1);
        // one message with a service of its own and one of ours: only ours is answered
        String eventId = EventIds.next();
        gateway.send("{\"services\":[{\"service_id\":\"$log\",\"event_type\":\"log_report\",\"paras\":{}},"
                     + "{\"service_id\":\"$sub_device_manager\",\"event_type\":\"delete_sub_device_request\","
                     + "\"event_id\":\"" + eventId + "\",\"paras\":{\"devices\":[\"c1\"]}}]}", 1);

        IotdaMessage response = gateway.awaitEvent(eventId);

        assertThat(response.services().get(0).eventType()).isEqualTo("delete_sub_device_response");
        Await.until("four ignored services", () -> platform.ignoredServices() == 4);
        assertThat(gateway.eventsWithin(QUIET)).as("nothing answers the others").isEmpty();
        assertThat(platform.lastSyncVersion()).isNull();
        assertThat(platform.requestCount(EventType.SUB_DEVICE_SYNC_REQUEST)).isZero();
        assertThat(platform.violations()).isEmpty();
        platform.resetCounters();
        assertThat(platform.ignoredServices()).isZero();
    }

    @Test
    void qos0IsAnsweredQos2IsNot() throws Exception {
        platform.registerChild("c1");
        String atQos0 = EventIds.next();
        gateway.send(json(DELETE_SUB_DEVICE_REQUEST, atQos0, new DeleteSubDeviceParas(List.of("c1"))), 0);
        assertThat(gateway.awaitEvent(atQos0)).isNotNull();

        String atQos2 = EventIds.next();
        gateway.send(json(DELETE_SUB_DEVICE_REQUEST, atQos2, new DeleteSubDeviceParas(List.of("c2"))), 2);

        assertThat(gateway.eventsWithId(atQos2, QUIET)).isEmpty();
        assertThat(platform.violations()).singleElement().asString().contains("QoS 2");
        assertThat(platform.requestCount(DELETE_SUB_DEVICE_REQUEST)).isEqualTo(2);
    }

    @Test
    void unreadableMessagesAndUnknownEventTypesAreDroppedAndRecorded() throws Exception {
        gateway.send("not json", 1);
        gateway.send("{\"services\":[]}", 1);
        String wrongDirection = EventIds.next();
        gateway.send(envelope("$sub_device_manager", wrongDirection, null, "{}")
                .replace("delete_sub_device_request", "delete_sub_device_response"), 1);

        Await.until("three violations", () -> platform.violations().size() >= 3);
        assertThat(gateway.eventsWithId(wrongDirection, QUIET)).isEmpty();
        assertThat(platform.violations()).hasSize(3);
    }

    @Test
    void syncRequestIsCountedAndItsVersionKept() throws Exception {
        String sync = EventIds.next();
        gateway.send(json(EventType.SUB_DEVICE_SYNC_REQUEST, sync, new SyncRequestParas(41L)), 1);

        Await.until("the sync request", () -> platform.requestCount(EventType.SUB_DEVICE_SYNC_REQUEST) == 1);
        Await.until("its version", () -> Long.valueOf(41L).equals(platform.lastSyncVersion()));
        assertThat(gateway.eventsWithId(sync, QUIET)).isEmpty();
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void syncReplaysTheNoticesAfterItsVersionInVersionOrder() throws Exception {
        AddedDevice a = new AddedDevice(GW, "a", PRODUCT + "_a", null, null, null, null, PRODUCT, null, null,
                "INACTIVE", null);
        AddedDevice b = new AddedDevice(GW, "b", PRODUCT + "_b", null, null, null, null, PRODUCT, null, null,
                "INACTIVE", null);
        // sent out of version order on purpose: the replay goes by version
        platform.sendAddNotice(12, List.of(b));
        platform.sendAddNotice(10, List.of(a));
        platform.sendDeleteNotice(11, List.of(PRODUCT + "_a"));
        platform.sendDeleteNotice(13, List.of(PRODUCT + "_b"));
        assertThat(awaitNotices(4)).extracting(IotdaPlatformSimulatorTest::typeAndVersion).containsExactly(
                "add_sub_device_notify@12", "add_sub_device_notify@10", "delete_sub_device_notify@11",
                "delete_sub_device_notify@13");

        gateway.send(json(EventType.SUB_DEVICE_SYNC_REQUEST, EventIds.next(), new SyncRequestParas(10L)), 1);
        List<IotdaMessage> afterTen = awaitNotices(3);
        Await.until("the first sync acted upon", () -> platform.syncRequests() == 1);
        assertThat(platform.lastSyncVersion()).isEqualTo(10L);
        // no version: every notice remembered
        gateway.send(json(EventType.SUB_DEVICE_SYNC_REQUEST, EventIds.next(), new SyncRequestParas(null)), 1);
        List<IotdaMessage> all = awaitNotices(4);
        // up to date: nothing
        gateway.send(json(EventType.SUB_DEVICE_SYNC_REQUEST, EventIds.next(), new SyncRequestParas(13L)), 1);
        Await.until("three syncs acted upon", () -> platform.syncRequests() == 3);

        assertThat(afterTen).extracting(IotdaPlatformSimulatorTest::typeAndVersion).containsExactly(
                "delete_sub_device_notify@11", "add_sub_device_notify@12", "delete_sub_device_notify@13");
        assertThat(all).extracting(IotdaPlatformSimulatorTest::typeAndVersion).containsExactly(
                "add_sub_device_notify@10", "delete_sub_device_notify@11", "add_sub_device_notify@12",
                "delete_sub_device_notify@13");
        assertThat(gateway.eventsWithin(QUIET)).as("nothing after version 13").isEmpty();
        ServiceEvent replayedAdd = afterTen.get(1).services().get(0);
        assertThat(afterTen.get(1).objectDeviceId()).isEqualTo(GW);
        assertThat(replayedAdd.serviceId()).isEqualTo("$sub_device_manager");
        assertThat(EventIds.isWellFormed(replayedAdd.eventId())).isTrue();
        assertThat(IotdaJson.convert(replayedAdd.paras(), AddSubDeviceNoticeParas.class).devices()).containsExactly(b);
        assertThat(IotdaJson.convert(afterTen.get(0).services().get(0).paras(), DeleteSubDeviceNoticeParas.class)
                .devices()).containsExactly(new DeletedDevice(GW, "a", PRODUCT + "_a"));
        assertThat(platform.lastSyncVersion()).isEqualTo(13L);
        assertThat(platform.requestCount(EventType.SUB_DEVICE_SYNC_REQUEST)).isEqualTo(3);
        assertThat(platform.children()).as("a replay changes no children").isEmpty();
        assertThat(platform.violations()).isEmpty();

        platform.reset();
        assertThat(platform.syncRequests()).isZero();
        gateway.send(json(EventType.SUB_DEVICE_SYNC_REQUEST, EventIds.next(), new SyncRequestParas(null)), 1);
        Await.until("the sync after the reset", () -> platform.syncRequests() == 1);
        assertThat(gateway.eventsWithin(QUIET)).as("reset forgets the notices").isEmpty();
    }

    @Test
    void noticesTellTheGatewayAboutChildrenChangedElsewhere() throws Exception {
        AddedDevice added = new AddedDevice(GW, "meter-9", PRODUCT + "_meter-9", "meter 9", null, null, null,
                PRODUCT, null, null, "INACTIVE", null);

        platform.sendAddNotice(7, List.of(added));
        IotdaMessage addNotice = gateway.awaitAny();
        assertThat(platform.children()).containsExactly(PRODUCT + "_meter-9");
        platform.sendDeleteNotice(8, List.of(PRODUCT + "_meter-9"));
        IotdaMessage deleteNotice = gateway.awaitAny();

        assertThat(addNotice.objectDeviceId()).isEqualTo(GW);
        assertThat(addNotice.services().get(0).eventType()).isEqualTo("add_sub_device_notify");
        AddSubDeviceNoticeParas addParas = IotdaJson.convert(addNotice.services().get(0).paras(),
                AddSubDeviceNoticeParas.class);
        assertThat(addParas.version()).isEqualTo(7L);
        assertThat(addParas.devices()).containsExactly(added);
        DeleteSubDeviceNoticeParas deleteParas = IotdaJson.convert(deleteNotice.services().get(0).paras(),
                DeleteSubDeviceNoticeParas.class);
        assertThat(deleteNotice.services().get(0).eventType()).isEqualTo("delete_sub_device_notify");
        assertThat(deleteParas.version()).isEqualTo(8L);
        assertThat(deleteParas.devices()).containsExactly(new DeletedDevice(GW, "meter-9", PRODUCT + "_meter-9"));
        assertThat(platform.children()).isEmpty();
    }

    @Test
    void brokerCountsExactlyTheRequestsAndResponses() throws Exception {
        for (int i = 0; i < 4; i++) {
            gateway.call(DELETE_SUB_DEVICE_REQUEST, new DeleteSubDeviceParas(List.of("x" + i)));
        }

        Await.until("4 responses at the broker", () -> broker.publishCount(platform.topics().eventsDown()) == 4);
        assertThat(broker.qosCounts(platform.topics().eventsUp())).isEqualTo(Map.of(1, 4L));
        assertThat(broker.qosCounts(platform.topics().eventsDown())).isEqualTo(Map.of(1, 4L));
    }

    @Test
    void silentPlatformCountsButNeitherActsNorAnswers() throws Exception {
        platform.registerChild("c1");
        platform.setSilent(true);

        String eventId = EventIds.next();
        gateway.send(json(DELETE_SUB_DEVICE_REQUEST, eventId, new DeleteSubDeviceParas(List.of("c1"))), 1);

        assertThat(gateway.eventsWithId(eventId, QUIET)).isEmpty();
        assertThat(platform.requestCount(DELETE_SUB_DEVICE_REQUEST)).isEqualTo(1);
        assertThat(platform.children()).containsExactly("c1");
    }

    @Test
    void duplicateAndUnsolicitedResponses() throws Exception {
        platform.setDuplicateReplies(true);
        platform.setUnsolicitedReplies(true);
        String eventId = EventIds.next();

        gateway.send(json(DELETE_SUB_DEVICE_REQUEST, eventId, new DeleteSubDeviceParas(List.of("c1"))), 1);

        List<ServiceEvent> events = gateway.eventsWithin(QUIET).stream().map(m -> m.services().get(0)).toList();
        assertThat(events).filteredOn(e -> e.eventId().equals(eventId)).hasSize(2)
                .allMatch(e -> e.eventType().equals("delete_sub_device_response"));
        // unsolicited: well-formed, about a made-up child, to an id nobody sent (a late answer to an earlier test's
        // request may also be about; it is not one of these)
        List<ServiceEvent> ghosts = events.stream().filter(e -> !e.eventId().equals(eventId))
                .filter(e -> IotdaJson.convert(e.paras(), DeleteSubDeviceResponseParas.class).successfulDevices()
                        .stream().anyMatch(d -> d.startsWith("ghost-")))
                .toList();
        assertThat(ghosts).isNotEmpty().allSatisfy(ghost -> {
            assertThat(ghost.eventType()).isEqualTo("delete_sub_device_response");
            assertThat(EventIds.isWellFormed(ghost.eventId())).isTrue();
            assertThat(IotdaJson.convert(ghost.paras(), DeleteSubDeviceResponseParas.class).successfulDevices())
                    .singleElement().asString().startsWith("ghost-");
        });
    }

    @Test
    void reorderedResponsesAllArrive() throws Exception {
        platform.setReorderReplies(true);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String eventId = EventIds.next();
            sent.add(eventId);
            gateway.send(json(DELETE_SUB_DEVICE_REQUEST, eventId, new DeleteSubDeviceParas(List.of("c" + i))), 1);
        }

        List<IotdaMessage> events = new ArrayList<>();
        Await.until("20 responses", () -> {
            try {
                events.addAll(gateway.eventsWithin(Duration.ofMillis(50)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return events.stream().map(m -> m.services().get(0).eventId()).filter(sent::contains).distinct()
                           .count() == 20;
        });
        assertThat(events).extracting(m -> m.services().get(0).eventId()).containsAll(sent);
    }

    /** The next {@code count} notices on events/down, in arrival order. */
    private static List<IotdaMessage> awaitNotices(int count) throws InterruptedException {
        List<IotdaMessage> notices = new ArrayList<>();
        while (notices.size() < count) {
            IotdaMessage next = gateway.awaitAny();
            if (next.services().get(0).eventType().endsWith("_notify")) {
                notices.add(next);
            }
        }
        return notices;
    }

    private static String typeAndVersion(IotdaMessage message) {
        ServiceEvent event = message.services().get(0);
        return event.eventType() + "@" + event.paras().path("version").asLong();
    }

    private static String json(EventType type, String eventId, Object paras) {
        return new String(IotdaJson.request(type, eventId, null, paras), StandardCharsets.UTF_8);
    }

    /** A delete request written by hand, to break one envelope rule at a time. */
    private static String envelope(String serviceId, String eventId, String eventTime, String paras) {
        return "{\"services\":[{\"service_id\":\"" + serviceId + "\",\"event_type\":\"delete_sub_device_request\""
               + (eventTime == null ? "" : ",\"event_time\":\"" + eventTime + "\"")
               + (eventId == null ? "" : ",\"event_id\":\"" + eventId + "\"")
               + ",\"paras\":" + paras + "}]}";
    }
}
