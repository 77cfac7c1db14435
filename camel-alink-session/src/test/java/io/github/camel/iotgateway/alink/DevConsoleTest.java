package io.github.camel.iotgateway.alink;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Camel's DevConsoleRegistry finds the alink-session console, which shows each gateway in text and JSON. */
class DevConsoleTest extends AlinkTestSupport {

    private static final String GATEWAY_SECRET = "gwSecretNeverInAConsole";
    private static final String SUB_SECRET = "subSecretExample0001";

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setGatewayDeviceSecret(GATEWAY_SECRET);
        configuration.setRequestTimeout(500);
    }

    private DevConsole console() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        DevConsole console = registry.resolveById("alink-session");
        assertThat(console).as("the alink-session console, found through its service file").isNotNull();
        return console;
    }

    @Test
    void theConsoleShowsEachGatewaysStateOnlineSubDevicesAndFigures() throws Exception {
        for (int i = 0; i < 3; i++) {
            platform.registerSubDevice(SUB_PK, "console-" + i, SUB_SECRET);
            String name = "console-" + i;
            assertThat(template.send("alink-session:login?batching=false",
                    e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, name, SUB_SECRET))).getException()).isNull();
        }
        platform.setOnline(SUB_PK, "silent");
        platform.setSilent(true);
        template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "silent")));
        platform.setSilent(false);
        String gateway = gatewayProductKey + "." + gatewayDeviceName;

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) console().call(DevConsole.MediaType.JSON);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> gateways = (List<Map<String, Object>>) json.get("gateways");
            assertThat(gateways).hasSize(1);
            Map<String, Object> figures = gateways.get(0);
            assertThat(figures).containsEntry("component", "alink-session").containsEntry("gateway", gateway)
                    .containsEntry("connected", true).containsEntry("takenOver", false)
                    .containsEntry("onlineSubDevices", 3).containsEntry("pendingRequests", 0)
                    .containsEntry("requestsSent", 4L).containsEntry("timeouts", 1L);
            assertThat(figures.get("repliesByCode")).isEqualTo(Map.of("200", 3L));
            @SuppressWarnings("unchecked")
            Map<String, Object> lastError = (Map<String, Object>) figures.get("lastError");
            assertThat(lastError).containsEntry("type", "Timeout");
        });

        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Gateway: " + gateway + " (connected)")
                .contains("Online sub devices: 3")
                .contains("Requests sent: 4")
                .contains("Replies by code: {200=3}")
                .contains("Timeouts: 1")
                .contains("Last error: Timeout: a request got no answer within its timeout of 500 ms at ")
                .doesNotContain(GATEWAY_SECRET).doesNotContain(SUB_SECRET).doesNotContain("securemode");
    }
}
