package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.SelfSignedCertificates;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The gateway connection over ssl:// with the broker's certificate verified through Camel's SSLContextParameters. */
class TlsTest extends CamelTestSupport {

    private static SelfSignedCertificates certificates;
    private static EmbeddedMqttBroker broker;
    private AlinkPlatformSimulator platform;
    private final String gatewayProductKey = "a1GwTls0001";

    @BeforeAll
    static void startTlsBroker() {
        certificates = SelfSignedCertificates.create(SelfSignedCertificates.tempDir());
        broker = EmbeddedMqttBroker.startTls(0, certificates.brokerKeyStore());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private SSLContextParameters trusting(String trustStore, String password) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword(password);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // the simulator plays the cloud: it uses the broker's plain listener, the gateway the TLS one
        platform = AlinkPlatformSimulator.start(broker.plainBrokerUrl(), gatewayProductKey, "gw-tls");
        CamelContext camel = super.createCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        component.getConfiguration().setBrokerUrl(broker.brokerUrl());
        component.getConfiguration().setGatewayProductKey(gatewayProductKey);
        component.getConfiguration().setGatewayDeviceName("gw-tls");
        component.getConfiguration().setRequestTimeout(5000);
        component.getConfiguration().setSslContextParameters(trusting(certificates.trustStore().toString(),
                certificates.password()));
        camel.addComponent("alink-session", component);
        camel.getRegistry().bind("untrusting", trusting(emptyTrustStore(), "changeit"));
        return camel;
    }

    private static String emptyTrustStore() throws Exception {
        java.nio.file.Path path = java.nio.file.Files.createTempFile("empty-trust", ".p12");
        java.security.KeyStore empty = java.security.KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (var out = java.nio.file.Files.newOutputStream(path)) {
            empty.store(out, "changeit".toCharArray());
        }
        return path.toString();
    }

    @Test
    void anSslBrokerUrlWorksWithTheBrokerCertificateVerified() {
        assertThat(broker.brokerUrl()).startsWith("ssl://");
        platform.setOnline("a1SubPk0001", "tls-sensor-1");

        Exchange done = template.send("alink-session:logout",
                e -> e.getMessage().setBody(new SubDeviceId("a1SubPk0001", "tls-sensor-1")));

        assertThat(done.getException()).isNull();
        assertThat(platform.isOnline("a1SubPk0001", "tls-sensor-1")).isFalse();
        platform.close();
    }

    @Test
    void anUntrustedBrokerCertificateIsAClearTlsErrorNotARetryLoop() {
        Throwable failure = catchThrowable(() -> template.send(
                "alink-session:logout?gatewayDeviceName=gw-untrusting&sslContextParameters=#untrusting",
                e -> e.getMessage().setBody(new SubDeviceId("a1SubPk0001", "tls-sensor-2"))));
        Throwable tls = failure;
        while (tls != null && !(tls instanceof io.github.camel.iotgateway.mqtt.GatewayTlsException)) {
            tls = tls.getCause();
        }
        assertThat(tls).as("cause chain of %s", failure).isInstanceOf(io.github.camel.iotgateway.mqtt.GatewayTlsException.class);
        assertThat(tls.getMessage()).contains("TLS handshake").contains(broker.brokerUrl());
        platform.close();
    }
}
