package io.github.camel.iotgateway.huawei;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.simulator.IotdaSimulatorCodes;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** addSubDevice: the platform's device info (with its device_id) per added device, typed failures per refused one. */
class AddSubDeviceTest extends HuaweiIotTestSupport {

    @Test
    void aSingleAddEndsWithThePlatformsDeviceInfo() {
        Exchange done = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(Map.of(
                "node_id", "meter-001", "product_id", PRODUCT_ID, "name", "meter 1",
                "extension_info", Map.of("bus", "rs485", "addr", 1))));

        assertThat(done.getException()).isNull();
        AddedDevice added = done.getMessage().getBody(AddedDevice.class);
        assertThat(added.deviceId()).isEqualTo(PRODUCT_ID + "_meter-001");
        assertThat(added.nodeId()).isEqualTo("meter-001");
        assertThat(added.parentDeviceId()).isEqualTo(gatewayDeviceId);
        assertThat(done.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("add_sub_device_response");
        assertThat(platform.children()).containsExactly(PRODUCT_ID + "_meter-001");
    }

    @Test
    void anAddThePlatformRefusesFailsWithNodeProductAndTheErrorCode() {
        platform.registerChild(PRODUCT_ID + "_meter-002");

        Exchange done = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(
                DeviceInfo.of("meter-002", PRODUCT_ID)));

        assertThat(done.getException()).isInstanceOf(HuaweiSubDeviceFailedException.class);
        HuaweiSubDeviceFailedException failed = (HuaweiSubDeviceFailedException) done.getException();
        assertThat(failed.getNodeId()).isEqualTo("meter-002");
        assertThat(failed.getProductId()).isEqualTo(PRODUCT_ID);
        assertThat(failed.getDeviceId()).isNull();
        assertThat(failed.getErrorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_ALREADY_EXISTS);
        assertThat(failed.getEventId()).hasSize(36);
    }

    @Test
    void aListOfSixtyIsSplitAtFiftyAndReportsEveryDevice() {
        platform.registerChild(PRODUCT_ID + "_node-059");
        List<DeviceInfo> devices = IntStream.range(0, 60)
                .mapToObj(i -> DeviceInfo.of("node-" + String.format("%03d", i), PRODUCT_ID)).toList();

        Exchange done = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(devices));

        assertThat(done.getException()).isNull();
        SubDeviceOperationResult<?> result = done.getMessage().getBody(SubDeviceOperationResult.class);
        assertThat(result.successful()).hasSize(59).allSatisfy(d -> assertThat(((AddedDevice) d).deviceId()).isNotNull());
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.nodeId()).isEqualTo("node-059");
            assertThat(f.productId()).isEqualTo(PRODUCT_ID);
            assertThat(f.errorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_ALREADY_EXISTS);
        });
        assertThat(result.eventIds()).hasSize(2);
        assertThat(requestsPublished()).isEqualTo(2);
    }

    @Test
    void aJsonTextBodyIsOneDeviceOrAList() {
        Exchange one = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(
                "{\"node_id\":\"json-1\",\"product_id\":\"" + PRODUCT_ID + "\"}"));
        Exchange many = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(
                "[{\"node_id\":\"json-2\",\"product_id\":\"" + PRODUCT_ID + "\"}]"));

        assertThat(one.getMessage().getBody()).isInstanceOf(AddedDevice.class);
        assertThat(many.getMessage().getBody()).isInstanceOf(SubDeviceOperationResult.class);
        assertThat(platform.children()).contains(PRODUCT_ID + "_json-1", PRODUCT_ID + "_json-2");
    }
}
