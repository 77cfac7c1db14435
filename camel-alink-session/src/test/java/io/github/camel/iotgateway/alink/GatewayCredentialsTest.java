package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.GatewayAuthenticationException;
import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** With the gateway's secret set, the component connects with the documented Alink CONNECT identity. */
class GatewayCredentialsTest extends AlinkTestSupport {

    private static final String GATEWAY_SECRET = "gwSecretExample0001";

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setGatewayDeviceSecret(GATEWAY_SECRET);
        // the broker checks the CONNECT the way the platform does; the simulator itself connects as a platform client
        embeddedBroker().setConnectAuthenticator((clientId, username, password) -> clientId.startsWith("alink-platform-sim")
                || AlinkConnectCredentials.verify(clientId, username, password, gatewayProductKey, gatewayDeviceName,
                        GATEWAY_SECRET));
    }

    @AfterEach
    void openTheBrokerAgain() {
        embeddedBroker().setConnectAuthenticator(null);
    }

    @Test
    void theGatewayConnectsWithItsSignedIdentityAndWorks() {
        platform.setOnline(SUB_PK, "cred-01");
        Exchange done = template.send("alink-session:logout", e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "cred-01")));
        assertThat(done.getException()).isNull();
        assertThat(platform.isOnline(SUB_PK, "cred-01")).isFalse();
    }

    @Test
    void aWrongSecretIsAClearAuthenticationErrorNotATimeout() {
        Throwable failure = catchThrowable(() -> template.send("alink-session:logout?gatewayDeviceSecret=wrong-secret-value",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "cred-02"))));
        Throwable auth = failure;
        while (auth != null && !(auth instanceof GatewayAuthenticationException)) {
            auth = auth.getCause();
        }
        assertThat(auth).as("cause chain of %s", failure).isInstanceOf(GatewayAuthenticationException.class);
        assertThat(auth.getMessage()).contains("refused the credentials").doesNotContain("wrong-secret-value");
        assertThat(((GatewayAuthenticationException) auth).getReasonCode()).isEqualTo(4);
        // Camel masks the secret in the endpoint URI it reports
        assertThat(failure.getMessage()).doesNotContain("wrong-secret-value");
    }

    /**
     * A route started with its CamelContext connects in the background (StartupConnects): the refusal still fails the
     * context's start, with the typed error, before any consumer runs.
     */
    @Test
    void aWrongSecretOfARouteStartedWithTheContextFailsTheStart() throws Exception {
        org.apache.camel.CamelContext other = new org.apache.camel.impl.DefaultCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        configure(component.getConfiguration());
        component.getConfiguration().setGatewayDeviceSecret("wrong-secret-value");
        other.addComponent("alink-session", component);
        other.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:offline").to("alink-session:logout");
            }
        });
        try {
            Throwable failure = catchThrowable(other::start);
            Throwable auth = failure;
            while (auth != null && !(auth instanceof GatewayAuthenticationException)) {
                auth = auth.getCause();
            }
            assertThat(auth).as("cause chain of %s", failure).isInstanceOf(GatewayAuthenticationException.class);
            assertThat(auth.getMessage()).contains("refused the credentials").doesNotContain("wrong-secret-value");
            assertThat(other.getStatus().isStarted()).isFalse();
        } finally {
            other.stop();
        }
    }
}
