package io.github.camel.iotgateway.kamelets;

import java.util.List;

import io.github.camel.iotgateway.huawei.HuaweiIotConstants;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * huaweiiot-events-source, from the YAML route of routes/huaweiiot-events.yaml: the child-device notices the platform
 * simulator sends reach the route as JSON text, with the event's type and version in the headers. The gateway is set
 * once on the component; the kamelet names none.
 */
class HuaweiiotEventsSourceTest extends KameletTestSupport {

    private static final String PRODUCT_ID = "6650a1b2c3d4e5f6a7b8c9d0";

    private final String gatewayDeviceId = uniqueIotdaGatewayId(PRODUCT_ID);
    private IotdaPlatformSimulator platform;

    @Override
    protected void startPlatform() {
        platform = iotdaPlatform(gatewayDeviceId);
    }

    @Override
    protected void configureComponents(CamelContext camel) {
        GatewaySettings.onTheHuaweiiotComponent(camel, broker().brokerUrl(), gatewayDeviceId);
    }

    @BeforeEach
    void loadTheRoutes() throws Exception {
        loadRoutes("huaweiiot-events.yaml");
        // the gateway asks for a child-list sync when it connects; a notice sent before the platform saw that ask
        // would come twice (once pushed, once in the sync's answer)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (platform.syncRequests() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        org.assertj.core.api.Assertions.assertThat(platform.syncRequests()).as("the gateway's sync at connect")
                .isPositive();
    }

    @Test
    void aChildDeletedElsewhereReachesTheRouteAsJsonWithTheEventTypeAndVersion() throws Exception {
        String child = PRODUCT_ID + "_kam-gone-1";
        platform.registerChild(child);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        platform.sendDeleteNotice(7, List.of(child));

        events.assertIsSatisfied(5000);
        Message event = events.getExchanges().get(0).getMessage();
        assertThat(event.getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("delete_sub_device_notify");
        assertThat(event.getHeader(HuaweiIotConstants.VERSION, Long.class)).isEqualTo(7L);
        assertThat(event.getBody(String.class)).startsWith("{").contains("\"device_id\":\"" + child + "\"")
                .contains("\"version\":7");
    }

    @Test
    void aChildAddedElsewhereReachesTheRouteAsJson() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        AddedDevice added = new AddedDevice(gatewayDeviceId, "kam-node-9", PRODUCT_ID + "_kam-node-9", "meter 9", null,
                null, null, PRODUCT_ID, null, null, AddedDevice.STATUS_INACTIVE, null);

        platform.sendAddNotice(8, List.of(added));

        events.assertIsSatisfied(5000);
        Message event = events.getExchanges().get(0).getMessage();
        assertThat(event.getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("add_sub_device_notify");
        assertThat(event.getBody(String.class)).contains("\"node_id\":\"kam-node-9\"")
                .contains("\"device_id\":\"" + PRODUCT_ID + "_kam-node-9\"");
    }
}
