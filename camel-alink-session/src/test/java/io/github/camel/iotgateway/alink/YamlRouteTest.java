package io.github.camel.iotgateway.alink;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes of alink-session-component.adoc, read from it, do what the docs say, with the gateway set once on
 * the component (as the docs' application.properties does). Endpoints of other components are Camel's stub: of the
 * same URI, so the test sends into the stub what kafka: would deliver.
 */
class YamlRouteTest extends AlinkTestSupport {

    @Test
    void theDocsRouteLogsASubDeviceOut() throws Exception {
        AlinkDocs.snippetRoutes().add(context, AlinkDocs.adocYamlFrom("kafka:subdevice-offline"));
        platform.setOnline(SUB_PK, "yaml-01");

        Exchange done = template.send("stub:kafka:subdevice-offline", ExchangePattern.InOut, e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"yaml-01\"}"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(new SubDeviceId(SUB_PK, "yaml-01"));
        assertThat(done.getMessage().getHeader(AlinkSessionConstants.CODE, Integer.class)).isEqualTo(200);
        assertThat(platform.isOnline(SUB_PK, "yaml-01")).isFalse();
    }

    @Test
    void theDocsEventsRouteGetsWhatThePlatformPushes() throws Exception {
        AlinkDocs.snippetRoutes().add(context, AlinkDocs.adocYamlFrom("alink-session:events"));
        NotifyBuilder forcedOffline = new NotifyBuilder(context).whenDone(1)
                .whenAnyDoneMatches(e -> "FORCED_OFFLINE".equals(e.getMessage().getHeader(AlinkSessionConstants.EVENT_KIND))
                                         && List.of(new SubDeviceId(SUB_PK, "yaml-disabled"))
                                                 .equals(e.getMessage().getBody(List.class)))
                .create();

        platform.pushError(522, SUB_PK, "yaml-disabled");

        assertThat(forcedOffline.matches(5, TimeUnit.SECONDS)).as("the pushed 522 reached the route").isTrue();
    }

    @Test
    void theDocsRouteAddsTheTopologyThenLogsIn() throws Exception {
        AlinkDocs.snippetRoutes().add(context, AlinkDocs.adocYamlFrom("direct:bring-online"));
        List<SubDevice> body = List.of(SubDevice.withSecret(SUB_PK, "yaml-topo-1", "s-1"),
                SubDevice.withSecret(SUB_PK, "yaml-topo-2", "s-2"));
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
