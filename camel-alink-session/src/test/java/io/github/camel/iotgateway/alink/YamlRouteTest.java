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
}
