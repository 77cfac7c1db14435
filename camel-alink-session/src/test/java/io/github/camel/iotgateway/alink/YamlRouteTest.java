package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The route a user writes in YAML, with the gateway set once on the component (camel-main tests do it by properties). */
class YamlRouteTest extends AlinkTestSupport {

    private static final String ROUTE = """
            - route:
                from:
                  uri: "direct:subdevice-offline"
                  steps:
                    - to:
                        uri: "alink-session:logout"
                    - setHeader:
                        name: outcome
                        simple: "${header.CamelAlinkSessionCode}"
            """;

    @Test
    void aYamlRouteLogsASubDeviceOut() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("route.yaml", ROUTE));
        platform.setOnline(SUB_PK, "yaml-01");

        Exchange done = template.send("direct:subdevice-offline", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"yaml-01\"}"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(new SubDeviceId(SUB_PK, "yaml-01"));
        assertThat(done.getMessage().getHeader("outcome", Integer.class)).isEqualTo(200);
        assertThat(platform.isOnline(SUB_PK, "yaml-01")).isFalse();
        assertThat(List.of(context.getRoutes().size())).containsExactly(1);
    }

    /** The events route of alink-session-component.adoc, as written there, plus a mock to observe it. */
    private static final String EVENTS_ROUTE = """
            - route:
                from:
                  uri: "alink-session:events"
                  steps:
                    - log: "${header.CamelAlinkSessionEventKind} ${header.CamelAlinkSessionCode}: ${body}"
                    - to:
                        uri: "mock:yaml-events"
            """;

    @Test
    void theYamlEventsRouteOfTheDocsGetsWhatThePlatformPushes() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("events.yaml", EVENTS_ROUTE));
        org.apache.camel.component.mock.MockEndpoint events = getMockEndpoint("mock:yaml-events");
        events.expectedMessageCount(1);
        events.expectedHeaderReceived(AlinkSessionConstants.EVENT_KIND, "FORCED_OFFLINE");

        platform.pushError(522, SUB_PK, "yaml-disabled");

        events.assertIsSatisfied(5000);
        assertThat(events.getExchanges().get(0).getMessage().getBody(List.class))
                .containsExactly(new SubDeviceId(SUB_PK, "yaml-disabled"));
    }

    /** The register → add topology → login route of alink-session-component.adoc, as written there. */
    private static final String BRING_ONLINE_ROUTE = """
            - route:
                from:
                  uri: "direct:bring-online"
                  steps:
                    - to:
                        uri: "alink-session:addTopology"
                        variableReceive: "attached"
                    - to:
                        uri: "alink-session:batchLogin"
            """;

    @Test
    void theYamlRouteOfTheDocsAddsTheTopologyThenLogsIn() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("online.yaml", BRING_ONLINE_ROUTE));
        List<io.github.camel.iotgateway.protocol.alink.SubDevice> body = List.of(
                io.github.camel.iotgateway.protocol.alink.SubDevice.withSecret(SUB_PK, "yaml-topo-1", "s-1"),
                io.github.camel.iotgateway.protocol.alink.SubDevice.withSecret(SUB_PK, "yaml-topo-2", "s-2"));
        platform.createSubDevice(SUB_PK, "yaml-topo-1", "s-1");
        platform.createSubDevice(SUB_PK, "yaml-topo-2", "s-2");

        Exchange done = template.send("direct:bring-online", e -> e.getMessage().setBody(body));

        assertThat(done.getException()).isNull();
        assertThat(done.getVariable("attached", List.class)).hasSize(2);
        assertThat(platform.topology()).hasSize(2);
        assertThat(platform.isOnline(SUB_PK, "yaml-topo-1")).isTrue();
        assertThat(platform.isOnline(SUB_PK, "yaml-topo-2")).isTrue();
    }
}
