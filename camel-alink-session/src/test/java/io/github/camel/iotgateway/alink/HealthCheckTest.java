package io.github.camel.iotgateway.alink;

import java.time.Duration;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's checks are named as Camel names producer and consumer checks, from names that survive a restart: the
 * producer check {@code producer:alink-session-<productKey>.<deviceName>} (never the clientId, which carries the hour
 * it was signed), and the events route's readiness {@code consumer:<routeId>} follows the gateway's connection.
 */
class HealthCheckTest extends AlinkTestSupport {

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        // signed clientIds, new at every start
        configuration.setGatewayDeviceSecret("gwSecretForHealthTest");
        configuration.setMaxReconnectDelay(500);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("alink-session:events").routeId("events").to("mock:events");
            }
        };
    }

    private String producerCheck() {
        return "producer:alink-session-" + gatewayProductKey + "." + gatewayDeviceName;
    }

    /** Every check's result ("full": by default Camel gives only the first when all are UP). */
    private HealthCheck.State state(String id) {
        return HealthCheckHelper.invoke(context, "full").stream().filter(r -> r.getCheck().getId().equals(id))
                .map(HealthCheck.Result::getState).findFirst().orElse(HealthCheck.State.UNKNOWN);
    }

    private HealthCheck.State readiness(String id) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream().filter(r -> r.getCheck().getId().equals(id))
                .map(HealthCheck.Result::getState).findFirst().orElse(HealthCheck.State.UNKNOWN);
    }

    private List<String> gatewayCheckIds() {
        return HealthCheckHelper.invoke(context, "full").stream().map(r -> r.getCheck().getId())
                .filter(id -> id.startsWith("producer:") || id.startsWith("consumer:")).sorted().toList();
    }

    @Test
    void theChecksAreNamedTheCamelWayAndKeepTheirNamesAcrossARestart() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(producerCheck()) == HealthCheck.State.UP);
        assertThat(gatewayCheckIds()).containsExactly("consumer:events", producerCheck());
        String clientIdBefore = context.getComponent("alink-session", AlinkSessionComponent.class).gatewayClients()
                .get(0).connection().getClientId();
        assertThat(clientIdBefore).contains("|securemode=");

        // the route's restart lets go of the gateway and takes a new one, with a newly signed clientId
        Thread.sleep(5);
        context.getRouteController().stopRoute("events");
        assertThat(context.getComponent("alink-session", AlinkSessionComponent.class).gatewayCount()).isZero();
        context.getRouteController().startRoute("events");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(producerCheck()) == HealthCheck.State.UP);
        assertThat(context.getComponent("alink-session", AlinkSessionComponent.class).gatewayClients().get(0)
                .connection().getClientId()).isNotEqualTo(clientIdBefore);
        assertThat(gatewayCheckIds()).containsExactly("consumer:events", producerCheck());
    }

    @Test
    void theEventsRouteIsNotReadyWhileItsGatewayIsNotConnected() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers").setEnabled(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> readiness("consumer:events") == HealthCheck.State.UP);

        embeddedBroker().stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> readiness("consumer:events") == HealthCheck.State.DOWN);
            assertThat(state(producerCheck())).isEqualTo(HealthCheck.State.DOWN);
        } finally {
            embeddedBroker().restart();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> readiness("consumer:events") == HealthCheck.State.UP);
        assertThat(state(producerCheck())).isEqualTo(HealthCheck.State.UP);
    }
}
