package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IotdaWireTest {

    private static final String GW = "6650a1b2c3d4e5f6a7b8c9d0_gw01";

    @Test
    void topicsOfAGateway() {
        IotdaTopics topics = new IotdaTopics(GW);
        assertThat(topics.eventsUp()).isEqualTo("$oc/devices/" + GW + "/sys/events/up");
        assertThat(topics.eventsDown()).isEqualTo("$oc/devices/" + GW + "/sys/events/down");
        assertThatThrownBy(() -> new IotdaTopics("gw/#")).hasMessageContaining("gatewayDeviceId");
    }

    @Test
    void writesTheDeleteRequestOfTheReference() {
        byte[] json = IotdaJson.request(EventType.DELETE_SUB_DEVICE_REQUEST, "5b0c3c1e-8f0e-4a4e-9f7a-2c6b1d9e0a11",
                EventTime.format(Instant.parse("2024-05-18T09:45:00Z")),
                new DeleteSubDeviceParas(List.of("6650a1b2c3d4e5f6a7b8c9d0_meter-001",
                        "6650a1b2c3d4e5f6a7b8c9d0_meter-002")));

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(
                "{\"services\":[{\"service_id\":\"$sub_device_manager\",\"event_type\":\"delete_sub_device_request\","
                + "\"event_time\":\"20240518T094500Z\",\"event_id\":\"5b0c3c1e-8f0e-4a4e-9f7a-2c6b1d9e0a11\","
                + "\"paras\":{\"devices\":[\"6650a1b2c3d4e5f6a7b8c9d0_meter-001\","
                + "\"6650a1b2c3d4e5f6a7b8c9d0_meter-002\"]}}]}");
    }

    @Test
    void writesAddAndStatusParasInSnakeCaseWithoutEmptyFields() throws Exception {
        JsonNode extension = IotdaJson.mapper().readTree("{\"bus\":\"rs485\",\"addr\":1}");
        DeviceInfo meter = new DeviceInfo("meter-001", "6650a1b2c3d4e5f6a7b8c9d0", null, "meter 1", null, extension,
                null);
        String add = new String(IotdaJson.request(EventType.ADD_SUB_DEVICE_REQUEST, "e", null,
                new AddSubDeviceParas(List.of(meter))), StandardCharsets.UTF_8);
        String status = new String(IotdaJson.request(EventType.SUB_DEVICE_UPDATE_STATUS, "e", null,
                new UpdateStatusParas(List.of(DeviceStatus.online("d1")))), StandardCharsets.UTF_8);

        assertThat(add).contains("\"paras\":{\"devices\":[{\"node_id\":\"meter-001\","
                                 + "\"product_id\":\"6650a1b2c3d4e5f6a7b8c9d0\",\"name\":\"meter 1\","
                                 + "\"extension_info\":{\"bus\":\"rs485\",\"addr\":1}}]}")
                .doesNotContain("event_time").doesNotContain("object_device_id");
        assertThat(status).contains("\"paras\":{\"device_statuses\":[{\"device_id\":\"d1\",\"status\":\"ONLINE\"}]}");
        assertThat(meter.effectiveDeviceId()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_meter-001");
    }

    @Test
    void readsTheDeleteResponseOfTheReference() {
        String json = "{\"object_device_id\":\"" + GW + "\",\"services\":[{\"service_id\":\"$sub_device_manager\","
                      + "\"event_type\":\"delete_sub_device_response\",\"event_time\":\"20240518T094501Z\","
                      + "\"event_id\":\"5b0c3c1e-8f0e-4a4e-9f7a-2c6b1d9e0a11\",\"paras\":{\"successful_devices\":"
                      + "[\"6650a1b2c3d4e5f6a7b8c9d0_meter-001\"],\"failed_devices\":[{\"device_id\":"
                      + "\"6650a1b2c3d4e5f6a7b8c9d0_meter-002\",\"error_code\":\"X\",\"error_msg\":\"gone\"}]}}]}";

        IotdaMessage message = IotdaJson.readMessage(json.getBytes(StandardCharsets.UTF_8));

        assertThat(message.objectDeviceId()).isEqualTo(GW);
        ServiceEvent event = message.services().get(0);
        assertThat(event.type()).contains(EventType.DELETE_SUB_DEVICE_RESPONSE);
        assertThat(event.isSubDeviceManager()).isTrue();
        assertThat(event.eventId()).isEqualTo("5b0c3c1e-8f0e-4a4e-9f7a-2c6b1d9e0a11");
        DeleteSubDeviceResponseParas paras = IotdaJson.convert(event.paras(), DeleteSubDeviceResponseParas.class);
        assertThat(paras.successfulDevices()).containsExactly("6650a1b2c3d4e5f6a7b8c9d0_meter-001");
        assertThat(paras.failedDevices()).containsExactly(
                new DeviceFailure("6650a1b2c3d4e5f6a7b8c9d0_meter-002", "X", "gone"));
    }

    @Test
    void readsTheAddResponseAndANoticeOfTheReference() {
        String json = "{\"object_device_id\":\"" + GW + "\",\"services\":[{\"service_id\":\"$sub_device_manager\","
                      + "\"event_type\":\"add_sub_device_response\",\"event_time\":\"20240518T093013Z\","
                      + "\"event_id\":\"0f8d6a52-9c1e-4b57-8f0a-6c2d3e4f5a6b\",\"paras\":{\"successful_devices\":"
                      + "[{\"parent_device_id\":\"" + GW + "\",\"node_id\":\"meter-001\",\"device_id\":"
                      + "\"6650a1b2c3d4e5f6a7b8c9d0_meter-001\",\"product_id\":\"6650a1b2c3d4e5f6a7b8c9d0\","
                      + "\"status\":\"INACTIVE\"}],\"failed_devices\":[]}},"
                      + "{\"service_id\":\"$sub_device_manager\",\"event_type\":\"delete_sub_device_notify\","
                      + "\"paras\":{\"devices\":[{\"parent_device_id\":\"" + GW + "\",\"device_id\":\"d9\"}],"
                      + "\"version\":17}}]}";

        IotdaMessage message = IotdaJson.readMessage(json.getBytes(StandardCharsets.UTF_8));

        AddSubDeviceResponseParas add = IotdaJson.convert(message.services().get(0).paras(),
                AddSubDeviceResponseParas.class);
        assertThat(add.successfulDevices()).singleElement().satisfies(d -> {
            assertThat(d.deviceId()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_meter-001");
            assertThat(d.status()).isEqualTo(AddedDevice.STATUS_INACTIVE);
        });
        assertThat(add.failedDevices()).isEmpty();
        DeleteSubDeviceNoticeParas notice = IotdaJson.convert(message.services().get(1).paras(),
                DeleteSubDeviceNoticeParas.class);
        assertThat(notice.version()).isEqualTo(17L);
        assertThat(notice.devices()).containsExactly(new DeletedDevice(GW, null, "d9"));
        assertThat(message.services().get(1).eventId()).isNull();
    }

    @Test
    void readsOddMessagesLeniently() {
        IotdaMessage message = IotdaJson.readMessage(("{\"services\":[42,{\"event_type\":\"something_new\","
                                                      + "\"event_id\":7,\"extra\":true}],\"more\":1}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(message.objectDeviceId()).isNull();
        assertThat(message.services()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEmpty();
            assertThat(event.eventType()).isEqualTo("something_new");
            assertThat(event.eventId()).isEqualTo("7");
            assertThat(event.serviceId()).isNull();
            assertThat(event.paras().path("devices").isMissingNode()).isTrue();
        });
        // a message without services, or whose services is no array, is malformed
        for (String bad : new String[] {"{}", "{\"services\":{}}", "{\"services\":\"x\"}"}) {
            assertThatThrownBy(() -> IotdaJson.readMessage(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(IotdaJson.MalformedMessageException.class);
        }
        assertThat(IotdaJson.readMessage("{\"services\":[1]}".getBytes(StandardCharsets.UTF_8)).services()).isEmpty();
        assertThat(IotdaJson.convert(IotdaJson.mapper().createObjectNode(), UpdateStatusResponseParas.class)
                .successfulDevices()).isEmpty();
        assertThatThrownBy(() -> IotdaJson.readMessage("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IotdaJson.MalformedMessageException.class);
        assertThatThrownBy(() -> IotdaJson.readMessage("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IotdaJson.MalformedMessageException.class);
    }

    @Test
    void eventTypesKnowTheirResponses() {
        assertThat(EventType.DELETE_SUB_DEVICE_REQUEST.response()).contains(EventType.DELETE_SUB_DEVICE_RESPONSE);
        assertThat(EventType.ADD_SUB_DEVICE_REQUEST.response()).contains(EventType.ADD_SUB_DEVICE_RESPONSE);
        assertThat(EventType.SUB_DEVICE_UPDATE_STATUS.response())
                .contains(EventType.SUB_DEVICE_UPDATE_STATUS_RESPONSE);
        assertThat(EventType.SUB_DEVICE_SYNC_REQUEST.response()).isEmpty();
        assertThat(EventType.fromWireName("add_sub_device_notify")).contains(EventType.ADD_SUB_DEVICE_NOTIFY);
        assertThat(EventType.fromWireName("nope")).isEmpty();
        assertThat(EventType.SUB_DEVICE_UPDATE_STATUS_RESPONSE.wireName())
                .isEqualTo("sub_device_update_status_response");
    }

    @Test
    void eventTimeIsUtcSecondsAndParsedStrictly() {
        assertThat(EventTime.format(Instant.parse("2024-05-18T09:30:12.987Z"))).isEqualTo("20240518T093012Z");
        assertThat(EventTime.parse("20240518T093012Z")).isEqualTo(Instant.parse("2024-05-18T09:30:12Z"));
        assertThat(EventTime.isWellFormed("20151212T121212Z")).isTrue();
        assertThat(EventTime.isWellFormed("20240230T000000Z")).as("no 30 February").isFalse();
        assertThat(EventTime.isWellFormed("2024-05-18T09:30:12Z")).isFalse();
        assertThat(EventTime.isWellFormed(null)).isFalse();
    }

    @Test
    void eventIdsAre36LettersDigitsAndHyphens() {
        String id = EventIds.next();
        assertThat(id).hasSize(36);
        assertThat(EventIds.isWellFormed(id)).isTrue();
        assertThat(EventIds.next()).isNotEqualTo(id);
        assertThat(EventIds.isWellFormed("40cc9ab1-3579-488c-95c6-c18941c99eb4")).isTrue();
        assertThat(EventIds.isWellFormed("short")).isFalse();
        assertThat(EventIds.isWellFormed("40cc9ab1_3579_488c_95c6_c18941c99eb4")).isFalse();
    }

    @Test
    void eventIdsAreVersion4UuidsInTheirCanonicalSpellingAndDoNotRepeat() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = EventIds.next();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).as("canonical, lower case").isEqualTo(id);
            assertThat(seen.add(id)).as("unique").isTrue();
        }
    }

    @Test
    void extensionInfoSizeIsTheCompactJsonInUtf8() throws Exception {
        assertThat(IotdaJson.sizeInBytes(IotdaJson.mapper().readTree("{\"a\": \"é\"}"))).isEqualTo(10);
        assertThat(IotdaJson.sizeInBytes(null)).isZero();
    }
}
