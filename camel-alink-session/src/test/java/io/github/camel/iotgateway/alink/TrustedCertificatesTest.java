package io.github.camel.iotgateway.alink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;

import io.github.camel.iotgateway.mqtt.GatewayTlsException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.SelfSignedCertificates;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A broker whose chain leads to a CA the JDK does not hold (as Alibaba's port 8883 does): the error names the broker,
 * the issuer of the chain and the fix; a PEM file of CA certificates given as trustedCertificates fixes it.
 */
class TrustedCertificatesTest extends CamelTestSupport {

    private static SelfSignedCertificates certificates;
    private static EmbeddedMqttBroker broker;
    private static Path caPem;
    private static String caName;
    private AlinkPlatformSimulator platform;
    private final String gatewayProductKey = "a1GwPem0001";

    @BeforeAll
    static void startTlsBroker() throws Exception {
        certificates = SelfSignedCertificates.create(SelfSignedCertificates.tempDir());
        broker = EmbeddedMqttBroker.startTls(0, certificates.brokerKeyStore());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(certificates.trustStore())) {
            trust.load(in, certificates.password().toCharArray());
        }
        StringBuilder pem = new StringBuilder();
        for (String alias : Collections.list(trust.aliases())) {
            X509Certificate ca = (X509Certificate) trust.getCertificate(alias);
            caName = ca.getSubjectX500Principal().getName();
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        caPem = Files.createTempFile("broker-ca", ".pem");
        Files.writeString(caPem, pem);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        platform = AlinkPlatformSimulator.start(broker.plainBrokerUrl(), gatewayProductKey, "gw-pem");
        CamelContext camel = super.createCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        component.getConfiguration().setBrokerUrl(broker.brokerUrl());
        component.getConfiguration().setGatewayProductKey(gatewayProductKey);
        component.getConfiguration().setGatewayDeviceName("gw-pem");
        component.getConfiguration().setRequestTimeout(5000);
        camel.addComponent("alink-session", component);
        return camel;
    }

    @Test
    void aChainToACaTheJdkDoesNotHoldFailsNamingTheBrokerTheIssuerAndTheFix() {
        Throwable failure = catchThrowable(() -> template.send("alink-session:logout?gatewayDeviceName=gw-jdk-only",
                e -> e.getMessage().setBody(new SubDeviceId("a1SubPk0001", "pem-sensor-0"))));
        Throwable tls = failure;
        while (tls != null && !(tls instanceof GatewayTlsException)) {
            tls = tls.getCause();
        }

        assertThat(tls).as("cause chain of %s", failure).isInstanceOf(GatewayTlsException.class);
        assertThat(tls.getMessage()).contains(broker.brokerUrl()).contains("issued by " + caName)
                .contains("trustedCertificates");
        platform.close();
    }

    @Test
    void aPemFileOfCaCertificatesIsTrustedBesidesTheJvmsOwn() {
        platform.setOnline("a1SubPk0001", "pem-sensor-1");

        Exchange done = template.send("alink-session:logout?trustedCertificates=file:" + caPem,
                e -> e.getMessage().setBody(new SubDeviceId("a1SubPk0001", "pem-sensor-1")));

        assertThat(done.getException()).isNull();
        assertThat(platform.isOnline("a1SubPk0001", "pem-sensor-1")).isFalse();
        platform.close();
    }
}
