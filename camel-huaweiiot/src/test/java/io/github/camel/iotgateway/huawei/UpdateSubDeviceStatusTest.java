package io.github.camel.iotgateway.huawei;

import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** updateSubDeviceStatus: up to 100 statuses per request, per-device outcomes. */
class UpdateSubDeviceStatusTest extends HuaweiIotTestSupport {

    @Test
    void aListOfOneHundredFiftyGoesOutAsRequestsOfOneHundredAndFifty() {
        List<String> devices = deviceIds("status", 150);
        registerChildren(devices);
        List<DeviceStatus> statuses = devices.stream().map(DeviceStatus::online).toList();

        Exchange done = template.send("huaweiiot:updateSubDeviceStatus", e -> e.getMessage().setBody(statuses));

        assertThat(done.getException()).isNull();
        SubDeviceOperationResult<?> result = done.getMessage().getBody(SubDeviceOperationResult.class);
        assertThat(result.successful()).hasSize(150);
        assertThat(result.failed()).isEmpty();
        assertThat(result.eventIds()).hasSize(2);
        assertThat(requestsPublished()).isEqualTo(2);
        assertThat(devices).allMatch(d -> DeviceStatus.ONLINE.equals(platform.childStatus(d)));
    }

    @Test
    void aSingleStatusEndsWithItsEntryOrItsFailure() {
        String known = deviceIds("one", 1).get(0);
        registerChildren(List.of(known));

        Exchange ok = template.send("huaweiiot:updateSubDeviceStatus",
                e -> e.getMessage().setBody(Map.of("device_id", known, "status", "OFFLINE")));
        Exchange unknown = template.send("huaweiiot:updateSubDeviceStatus",
                e -> e.getMessage().setBody(DeviceStatus.online(PRODUCT_ID + "_nobody")));

        assertThat(ok.getException()).isNull();
        assertThat(ok.getMessage().getBody(DeviceStatus.class).deviceId()).isEqualTo(known);
        assertThat(ok.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("sub_device_update_status_response");
        assertThat(platform.childStatus(known)).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(unknown.getException()).isInstanceOf(HuaweiSubDeviceFailedException.class)
                .hasMessageContaining(PRODUCT_ID + "_nobody");
    }

    @Test
    void theOperationHeaderOverridesTheEndpoints() {
        String known = deviceIds("override", 1).get(0);
        registerChildren(List.of(known));

        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> {
            e.getMessage().setHeader(HuaweiIotConstants.OPERATION, "updateSubDeviceStatus");
            e.getMessage().setBody(DeviceStatus.online(known));
        });

        assertThat(done.getException()).isNull();
        assertThat(platform.childStatus(known)).isEqualTo(DeviceStatus.ONLINE);
    }
}
