package io.github.camel.iotgateway.huawei;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events consumer is ready while its gateway is connected, and not while the gateway is down; the gateway's producer
 * check is named the Camel way, from its device_id: {@code producer:huaweiiot-<gatewayDeviceId>}.
 */
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
        return readiness("consumer:events");
    }

    /** "full": by default Camel returns only the first result when all are UP. */
    private HealthCheck.State readiness(String id) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> result.getCheck().getId().equals(id))
                .map(HealthCheck.Result::getState).findFirst().orElse(HealthCheck.State.UNKNOWN);
    }

    @Test
    void theEventsConsumersReadinessFollowsItsGateway() throws Exception {
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        consumers.setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        String producer = "producer:huaweiiot-" + gatewayDeviceId;
        await("events consumer ready", Duration.ofSeconds(10), () -> eventsReadiness() == HealthCheck.State.UP);
        assertThat(readiness(producer)).isEqualTo(HealthCheck.State.UP);

        broker().stop();
        try {
            await("events consumer not ready while the broker is down", Duration.ofSeconds(10),
                    () -> eventsReadiness() == HealthCheck.State.DOWN);
            assertThat(readiness(producer)).isEqualTo(HealthCheck.State.DOWN);
        } finally {
            broker().restart();
        }
        await("events consumer ready again", Duration.ofSeconds(20), () -> eventsReadiness() == HealthCheck.State.UP);
    }
}
