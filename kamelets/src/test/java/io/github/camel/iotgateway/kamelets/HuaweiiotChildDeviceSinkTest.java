package io.github.camel.iotgateway.kamelets;

import java.util.List;
import java.util.Properties;

import io.github.camel.iotgateway.huawei.HuaweiIotConstants;
import io.github.camel.iotgateway.huawei.SubDeviceOperationResult;
import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import io.github.camel.iotgateway.simulator.IotdaSimulatorCodes;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huaweiiot-child-device-sink, from the YAML routes of routes/huaweiiot-child-devices.yaml: each exchange deletes,
 * adds or reports its child device(s) on the platform and ends with the platform's answer. The broker lets the gateway
 * in only with the identity signed by the secret given as the kamelet's property.
 */
class HuaweiiotChildDeviceSinkTest extends KameletTestSupport {

    private static final String PRODUCT_ID = "6650a1b2c3d4e5f6a7b8c9d0";
    private static final String GATEWAY_SECRET = "hw+Secret&x=1%20?#kamelet";

    private final String gatewayDeviceId = uniqueIotdaGatewayId(PRODUCT_ID);
    private IotdaPlatformSimulator platform;

    @Override
    protected void startPlatform() {
        platform = iotdaPlatform(gatewayDeviceId);
        // refuses every CONNECT but the simulator's own and one signed by GATEWAY_SECRET
        broker().setConnectAuthenticator(platform.connectAuthenticator(GATEWAY_SECRET));
    }

    @Override
    protected Properties applicationProperties() {
        return GatewaySettings.huaweiiotChildDeviceSink(broker().brokerUrl(), gatewayDeviceId, GATEWAY_SECRET);
    }

    @BeforeEach
    void loadTheRoutes() throws Exception {
        loadRoutes("huaweiiot-child-devices.yaml");
    }

    @Test
    void aDeleteRemovesTheChildFromThePlatform() {
        String child = PRODUCT_ID + "_kam-meter-1";
        platform.registerChild(child);

        Exchange done = template.send("direct:retire-child", e -> e.getMessage().setBody(child));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("delete_sub_device_response");
        assertThat(done.getMessage().getHeader(HuaweiIotConstants.EVENT_ID, String.class)).hasSize(36);
        assertThat(platform.children()).doesNotContain(child);
    }

    @Test
    void aDeleteOfAnUnknownChildFailsTheCallersExchangeWithThePlatformsErrorCode() {
        Exchange done = template.send("direct:retire-child", e -> e.getMessage().setBody(PRODUCT_ID + "_kam-unknown"));

        assertThat(done.getException()).isInstanceOf(HuaweiSubDeviceFailedException.class);
        HuaweiSubDeviceFailedException failed = (HuaweiSubDeviceFailedException) done.getException();
        assertThat(failed.getDeviceId()).isEqualTo(PRODUCT_ID + "_kam-unknown");
        assertThat(failed.getErrorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_NOT_FOUND);
    }

    @Test
    void aJsonArrayDeletesEveryChildAndEndsWithThePerDeviceResult() {
        List<String> children = List.of(PRODUCT_ID + "_kam-list-1", PRODUCT_ID + "_kam-list-2");
        children.forEach(platform::registerChild);

        Exchange done = template.send("direct:retire-child", e -> e.getMessage().setBody(
                "[\"" + children.get(0) + "\",\"" + children.get(1) + "\",\"" + PRODUCT_ID + "_kam-list-unknown\"]"));

        assertThat(done.getException()).isNull();
        SubDeviceOperationResult<?> result = done.getMessage().getBody(SubDeviceOperationResult.class);
        assertThat(List.<Object>copyOf(result.successful())).containsExactlyElementsOf(children);
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.deviceId()).isEqualTo(PRODUCT_ID + "_kam-list-unknown");
            assertThat(f.errorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_NOT_FOUND);
        });
        assertThat(platform.children()).doesNotContainAnyElementsOf(children);
    }

    @Test
    void anAddMakesTheDeviceAChildAndEndsWithThePlatformsDeviceInfo() {
        Exchange done = template.send("direct:add-child", e -> e.getMessage().setBody(
                "{\"node_id\":\"kam-node-1\",\"product_id\":\"" + PRODUCT_ID + "\",\"name\":\"meter 1\"}"));

        assertThat(done.getException()).isNull();
        AddedDevice added = done.getMessage().getBody(AddedDevice.class);
        assertThat(added.deviceId()).isEqualTo(PRODUCT_ID + "_kam-node-1");
        assertThat(added.parentDeviceId()).isEqualTo(gatewayDeviceId);
        assertThat(platform.children()).contains(PRODUCT_ID + "_kam-node-1");
    }

    @Test
    void aStatusUpdateSetsTheChildsStatusOnThePlatform() {
        String child = PRODUCT_ID + "_kam-status-1";
        platform.registerChild(child);

        Exchange done = template.send("direct:report-child-status", e -> e.getMessage().setBody(
                "{\"device_id\":\"" + child + "\",\"status\":\"ONLINE\"}"));

        assertThat(done.getException()).isNull();
        assertThat(platform.childStatus(child)).isEqualTo("ONLINE");
    }

    @Test
    void theOperationIsTheKameletsPropertyWhateverHeaderAnEarlierStepLeft() {
        String child = PRODUCT_ID + "_kam-status-2";
        platform.registerChild(child);

        Exchange done = template.send("direct:report-child-status", e -> {
            e.getMessage().setHeader(HuaweiIotConstants.OPERATION, "deleteSubDevice");
            e.getMessage().setBody("{\"device_id\":\"" + child + "\",\"status\":\"ONLINE\"}");
        });

        assertThat(done.getException()).isNull();
        assertThat(platform.children()).contains(child);
        assertThat(platform.childStatus(child)).isEqualTo("ONLINE");
    }
}
