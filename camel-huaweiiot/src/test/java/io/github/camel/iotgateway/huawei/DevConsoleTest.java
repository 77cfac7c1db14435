package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel's DevConsoleRegistry finds the huaweiiot console: each gateway, with the children it reported online. */
class DevConsoleTest extends HuaweiIotTestSupport {

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setReportStatusAfterReconnect(true);
    }

    private DevConsole console() {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("huaweiiot");
        assertThat(console).as("the huaweiiot console, found through its service file").isNotNull();
        return console;
    }

    @Test
    void theConsoleShowsEachGatewayWithTheChildrenItReportedOnline() throws Exception {
        List<String> children = deviceIds("console", 3);
        registerChildren(children);
        assertThat(template.send("huaweiiot:updateSubDeviceStatus",
                e -> e.getMessage().setBody(children.stream().map(DeviceStatus::online).toList())).getException())
                .isNull();

        await("the console sees the answer", Duration.ofSeconds(5), () -> {
            Map<String, Object> gateway = onlyGateway();
            return Long.valueOf(1).equals(gateway.get("requestsSent")) && Integer.valueOf(3).equals(gateway.get(
                    "onlineChildren"));
        });
        Map<String, Object> gateway = onlyGateway();
        assertThat(gateway).containsEntry("component", "huaweiiot").containsEntry("gateway", gatewayDeviceId)
                .containsEntry("connected", true).containsEntry("reportStatusAfterReconnect", true)
                .containsEntry("pendingRequests", 0);
        assertThat(gateway.get("repliesByCode")).isEqualTo(Map.of("success", 1L));

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Gateway: " + gatewayDeviceId + " (connected)").contains("Online children: 3")
                .contains("Replies by code: {success=1}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> onlyGateway() {
        Map<String, Object> json = (Map<String, Object>) console().call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> gateways = (List<Map<String, Object>>) json.get("gateways");
        assertThat(gateways).hasSize(1);
        return gateways.get(0);
    }
}
