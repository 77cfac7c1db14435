package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.camel.iotgateway.mqtt.GatewayAuthenticationException;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import org.apache.camel.Exchange;
import io.github.camel.iotgateway.mqtt.GatewayConnectionOptions;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The gateway's CONNECT identity is the documented one, computed by the model; the secret never shows. */
class GatewayCredentialsTest extends HuaweiIotTestSupport {

    /** Huawei's published vector (docs/protocol-notes.md B.2): secret 12345678 at 2025041401 UTC. */
    private static final String VENDOR_SECRET = "12345678";
    private static final String VENDOR_PASSWORD = "c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a";
    private static final Clock VENDOR_HOUR = Clock.fixed(Instant.parse("2025-04-14T01:37:12Z"), ZoneOffset.UTC);

    @AfterEach
    void acceptEveryClientAgain() {
        broker().setConnectAuthenticator(null);
    }

    @Test
    void theConnectIdentityMatchesTheVendorVector() {
        HuaweiIotConfiguration config = new HuaweiIotConfiguration();
        config.setBrokerUrl(brokerUrl());
        config.setGatewayDeviceId(gatewayDeviceId);
        config.setGatewayDeviceSecret(VENDOR_SECRET);
        config.setUserName("ignored");

        GatewayConnectionOptions options = HuaweiGatewayConnections.options(context, config, VENDOR_HOUR);

        ConnectIdentity identity = options.identity().get();
        assertThat(identity.clientId()).isEqualTo(gatewayDeviceId + "_0_0_2025041401");
        assertThat(options.clientId()).as("the gateway's stable name").isEqualTo(gatewayDeviceId);
        assertThat(identity.userName()).isEqualTo(gatewayDeviceId);
        assertThat(new String(identity.password())).isEqualTo(VENDOR_PASSWORD);
        assertThat(identity.toString()).doesNotContain(VENDOR_PASSWORD);

        config.setCheckTimestamp(true);
        assertThat(HuaweiGatewayConnections.options(context, config, VENDOR_HOUR).identity().get().clientId())
                .isEqualTo(gatewayDeviceId + "_0_1_2025041401");
    }

    @Test
    void aBrokerCheckingTheSignedIdentityLetsTheGatewayIn() {
        String secret = "examplePassw0rd";
        broker().setConnectAuthenticator((clientId, username, password) -> clientId.startsWith("iotda-platform-sim-")
                || IotdaConnectCredentials.verify(clientId, username, password, gatewayDeviceId, secret));
        String child = deviceIds("signed", 1).get(0);
        registerChildren(List.of(child));

        Exchange done = template.send("huaweiiot:deleteSubDevice?gatewayDeviceSecret=RAW(" + secret + ")",
                e -> e.getMessage().setBody(child));

        assertThat(done.getException()).isNull();
        assertThat(platform.children()).doesNotContain(child);
    }

    @Test
    void aWrongSecretIsRefusedWithoutTheSecretInTheErrorOrTheEndpoint() {
        broker().setConnectAuthenticator((clientId, username, password) -> clientId.startsWith("iotda-platform-sim-")
                || IotdaConnectCredentials.verify(clientId, username, password, gatewayDeviceId, "right-secret"));
        String uri = "huaweiiot:deleteSubDevice?gatewayDeviceSecret=RAW(wrong-Secret-42)";

        Throwable failure = catchThrowable(() -> {
            Exchange done = template.send(uri, e -> e.getMessage().setBody("child"));
            if (done.getException() != null) {
                throw done.getException();
            }
        });

        assertThat(causes(failure)).anySatisfy(t -> assertThat(t).isInstanceOfSatisfying(
                GatewayAuthenticationException.class, auth -> assertThat(auth.getReasonCode()).isEqualTo(4)));
        assertThat(causes(failure)).noneMatch(t -> String.valueOf(t.getMessage()).contains("wrong-Secret-42"));
        assertThat(context.getEndpoint(uri).toString()).doesNotContain("wrong-Secret-42");
        HuaweiIotEndpoint endpoint = context.getEndpoint(uri, HuaweiIotEndpoint.class);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("wrong-Secret-42");
        assertThat(requestsPublished()).isZero();
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
