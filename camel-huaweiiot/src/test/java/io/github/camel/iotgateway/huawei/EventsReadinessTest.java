package io.github.camel.iotgateway.huawei;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The events consumer is ready while its gateway is connected, and not while the gateway is down. */
class EventsReadinessTest extends HuaweiIotTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:events").routeId("events").to("mock:events");
            }
        };
    }

    private HealthCheck.State eventsReadiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:events"))
                .map(HealthCheck.Result::getState).findFirst().orElse(HealthCheck.State.UNKNOWN);
    }

    @Test
    void theEventsConsumersReadinessFollowsItsGateway() throws Exception {
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        consumers.setEnabled(true);
        await("events consumer ready", Duration.ofSeconds(10), () -> eventsReadiness() == HealthCheck.State.UP);

        broker().stop();
        try {
            await("events consumer not ready while the broker is down", Duration.ofSeconds(10),
                    () -> eventsReadiness() == HealthCheck.State.DOWN);
        } finally {
            broker().restart();
        }
        await("events consumer ready again", Duration.ofSeconds(20), () -> eventsReadiness() == HealthCheck.State.UP);
    }
}
