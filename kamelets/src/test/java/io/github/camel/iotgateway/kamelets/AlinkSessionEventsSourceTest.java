package io.github.camel.iotgateway.kamelets;

import java.util.List;

import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * alink-session-events-source, from the YAML route of routes/alink-session-events.yaml: what the platform simulator
 * pushes to the gateway reaches the route as JSON text, with the kind of push in the headers. The gateway is set once on
 * the component; the kamelet names none.
 */
class AlinkSessionEventsSourceTest extends KameletTestSupport {

    private static final String SUB_PK = "a1SubPk0001";

    private final String gatewayProductKey = uniqueAlinkProductKey();
    private AlinkPlatformSimulator platform;

    @Override
    protected void startPlatform() {
        platform = alinkPlatform(gatewayProductKey, "gw-events");
    }

    @Override
    protected void configureComponents(CamelContext camel) {
        GatewaySettings.onTheAlinkSessionComponent(camel, broker().brokerUrl(), gatewayProductKey, "gw-events");
    }

    @BeforeEach
    void loadTheRoutes() throws Exception {
        loadRoutes("alink-session-events.yaml");
    }

    @Test
    void aSubDeviceForcedOfflineReachesTheRouteAsJsonWithTheKindAndCode() throws Exception {
        MockEndpoint pushes = getMockEndpoint("mock:pushes");
        pushes.expectedMessageCount(1);

        platform.pushError(522, SUB_PK, "kam-disabled");

        pushes.assertIsSatisfied(5000);
        Message push = pushes.getExchanges().get(0).getMessage();
        assertThat(push.getBody(String.class))
                .isEqualTo("[{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-disabled\"}]");
        assertThat(push.getHeader(AlinkSessionConstants.EVENT_KIND)).isEqualTo("FORCED_OFFLINE");
        assertThat(push.getHeader(AlinkSessionConstants.CODE, Integer.class)).isEqualTo(522);
    }

    @Test
    void aTopologyChangeReachesTheRouteAndTheGatewayAnswersIt() throws Exception {
        MockEndpoint pushes = getMockEndpoint("mock:pushes");
        pushes.expectedMessageCount(1);
        List<SubDeviceId> removed = List.of(new SubDeviceId(SUB_PK, "kam-topo-1"), new SubDeviceId(SUB_PK, "kam-topo-2"));

        String pushId = platform.pushTopologyChange(1, removed);

        pushes.assertIsSatisfied(5000);
        Message push = pushes.getExchanges().get(0).getMessage();
        assertThat(push.getHeader(AlinkSessionConstants.EVENT_KIND)).isEqualTo("TOPOLOGY_DELETED");
        assertThat(push.getHeader(AlinkSessionConstants.EVENT_ID)).isEqualTo(pushId);
        assertThat(push.getBody(String.class)).isEqualTo("[{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-topo-1\"},"
                                                         + "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-topo-2\"}]");
        await("the gateway's change_reply", () -> platform.topologyChangeReplies().contains(pushId));
    }
}
