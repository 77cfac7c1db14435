package io.github.camel.iotgateway.alink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.mqtt.InvalidGatewayOptionException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Options that belong to the gateway, not the endpoint: endpoints naming one gateway share its connection and its
 * batchers, so they agree on them or the later one fails at start, saying which option, both values and the fix. A
 * bad broker URL or a missing identity fails at endpoint creation, saying where to set it.
 */
class GatewayWideOptionsTest extends AlinkTestSupport {

    private void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    @Test
    void aSecondEndpointThatDisagreesOnBatchSizeFailsAtStartNamingTheOptionBothValuesAndTheFix() throws Exception {
        addRoute("direct:a", "alink-session:logout");

        assertThatThrownBy(() -> addRoute("direct:b", "alink-session:login?batchSize=10"))
                .rootCause()
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining("batchSize")
                .hasMessageContaining("10 but the gateway already runs with 50")
                .hasMessageContaining("camel.component.alink-session.batchSize");
    }

    @Test
    void aDisagreeingSecretIsNamedButNeverShown() throws Exception {
        addRoute("direct:a", "alink-session:logout");

        assertThatThrownBy(() -> addRoute("direct:b", "alink-session:login?password=RAW(s3cr3t-Value)"))
                .rootCause()
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining("password")
                .hasMessageContaining("not shown")
                .hasMessageNotContaining("s3cr3t-Value");
    }

    @Test
    void endpointsThatAgreeShareOneConnection() throws Exception {
        addRoute("direct:a", "alink-session:logout?batchSize=50");
        addRoute("direct:b", "alink-session:login?requestTimeout=2000&batching=false");

        assertThat(context.getComponent("alink-session", AlinkSessionComponent.class).gatewayCount()).isEqualTo(1);
        // the MQTT client comes from the core's factory: no paho component appears in the user's context
        assertThat(context.hasComponent("paho")).isNull();
    }

    @Test
    void eachBatchedExchangeWaitsAsLongAsItsOwnEndpointSays() throws Exception {
        platform.setSilent(true);
        SubDeviceId quick = new SubDeviceId(SUB_PK, "quick");
        SubDeviceId patient = new SubDeviceId(SUB_PK, "patient");

        long began = System.nanoTime();
        CompletableFuture<Exchange> shortWait = template.asyncSend("alink-session:logout?requestTimeout=400",
                e -> e.getMessage().setBody(quick));
        CompletableFuture<Exchange> longWait = template.asyncSend("alink-session:logout?requestTimeout=2500",
                e -> e.getMessage().setBody(patient));

        Exchange first = shortWait.get(10, TimeUnit.SECONDS);
        long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        Exchange second = longWait.get(10, TimeUnit.SECONDS);
        long secondMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(first.getException()).isInstanceOf(AlinkSessionTimeoutException.class);
        assertThat(second.getException()).isInstanceOf(AlinkSessionTimeoutException.class);
        assertThat(firstMillis).isBetween(400L, 2000L);
        assertThat(secondMillis).isGreaterThanOrEqualTo(2500L);
        // different timeouts never share a message
        assertThat(messagesSeen(SessionOperation.LOGOUT)).isEqualTo(2);
    }

    @Test
    void aBrokerUrlWithAnotherSchemeFailsAtEndpointCreationSayingWhatIsAccepted() {
        assertThatThrownBy(() -> context.getEndpoint("alink-session:logout?brokerUrl=mqtt://localhost:1883"))
                .rootCause()
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining("mqtt")
                .hasMessageContaining("tcp, ssl, ws or wss")
                .hasMessageContaining("camel.component.alink-session.brokerUrl");
        assertThatThrownBy(() -> context.getEndpoint("alink-session:logout?brokerUrl=tcp://localhost"))
                .rootCause()
                .hasMessageContaining("port");
    }

    @Test
    void aMissingGatewayIdentityNamesWhereToSetIt() {
        context.getComponent("alink-session", AlinkSessionComponent.class).getConfiguration().setGatewayProductKey(null);

        assertThatThrownBy(() -> context.getEndpoint("alink-session:logout"))
                .rootCause()
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining("camel.component.alink-session.gatewayProductKey");
    }
}
