package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;

import io.github.camel.iotgateway.huawei.error.HuaweiIotTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a MeterRegistry in the Camel registry, a Huawei gateway's meters count its requests by how IoTDA answered them
 * (IoTDA has no code of its own: success, partial or failed by the devices of the answer), its timeouts and the notices
 * its events route took, tagged with the gateway's device_id (never its hour-signed clientId).
 */
class GatewayMetersTest extends HuaweiIotTestSupport {

    private static final String GATEWAY_SECRET = "hwGatewaySecretNeverInATag";
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("metricsRegistry", meters);
    }

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setGatewayDeviceSecret(GATEWAY_SECRET);
        configuration.setRequestTimeout(800);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:events").routeId("events").to("mock:events");
            }
        };
    }

    private double count(String name, String... tags) {
        var search = meters.find(name).tag("component", "huaweiiot").tag("gateway", gatewayDeviceId);
        for (int i = 0; i < tags.length; i += 2) {
            search = search.tag(tags[i], tags[i + 1]);
        }
        Counter counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void answersAreCountedBySuccessPartialOrFailedAndTimeoutsAndNoticesToo() throws Exception {
        List<String> known = deviceIds("known", 3);
        registerChildren(known);
        String unknown = PRODUCT_ID + "_unknown-1";

        assertThat(template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(known.subList(0, 2)))
                .getException()).isNull();
        template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(List.of(known.get(2), unknown)));
        template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(List.of(unknown)));
        platform.setSilent(true);
        Exchange unanswered = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(List.of(unknown)));
        assertThat(unanswered.getException()).isInstanceOf(HuaweiIotTimeoutException.class);
        platform.setSilent(false);

        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        platform.sendDeleteNotice(3, List.of(PRODUCT_ID + "_gone-1"));
        events.assertIsSatisfied(5000);

        await("four requests counted", Duration.ofSeconds(5), () -> count("camel.iot.gateway.requests") == 4);
        assertThat(count("camel.iot.gateway.replies", "code", "success")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.replies", "code", "partial")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.replies", "code", "failed")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.timeouts")).isEqualTo(1);
        assertThat(count("camel.iot.gateway.notices")).isEqualTo(1);
        assertThat(meters.get("camel.iot.gateway.reply.latency").tag("gateway", gatewayDeviceId).timer().count())
                .isEqualTo(3);
        assertThat(meters.getMeters()).filteredOn(m -> m.getId().getName().startsWith("camel.iot.gateway."))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTags()).extracting(Tag::getValue)
                        .noneMatch(v -> v.contains(GATEWAY_SECRET) || v.matches(".*_0_[01]_\\d{10}")));
    }
}
