package io.github.camel.iotgateway.alink.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camel.iotgateway.alink.springboot.gateway.GatewayApplication;
import io.github.camel.iotgateway.alink.springboot.gateway.SubDeviceSessionRoutes;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.CapturedLogs;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's secret, set in application.properties, and the sub-devices' secrets in the exchanges never show in
 * the application's log at any level: Spring Boot's logging writes every level of every logger (java.util.logging,
 * where Paho logs, included) to a file from the start of the context to its end, and the file is searched for the
 * secrets and for the CONNECT passwords signed from the gateway's secret. The broker standing in for the cloud stays at
 * warn.
 */
@SpringBootTest(classes = GatewayApplication.class, properties = {
        "logging.file.name=" + SecretsNeverShowInTheApplicationLogTest.LOG_FILE, "logging.level.root=trace",
        "logging.level.org.apache.activemq=warn", "logging.level.io.netty=warn" })
@Import(EmbeddedAlinkCloud.class)
@DirtiesContext // its context logs at trace into the file: closed with the class, so the next one logs as it says
class SecretsNeverShowInTheApplicationLogTest {

    static final String LOG_FILE = "target/spring-boot-every-level.log";
    private static final String SUB_SECRET = "subSecretNeverInTheLog0001";

    static {
        // Spring Boot's file appender appends: the file holds this run's context alone
        try {
            Files.deleteIfExists(Path.of(LOG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private AlinkPlatformSimulator platform;
    @Autowired
    private EmbeddedAlinkCloud cloud;

    @Test
    void noSecretShowsInTheLogOfEveryLevel() throws Exception {
        SubDevice device = SubDevice.withSecret("a1SubPk0001", "spring-secret-01", SUB_SECRET);
        platform.registerSubDevice(device.productKey(), device.deviceName(), SUB_SECRET);
        Exchange online = template.send(SubDeviceSessionRoutes.ONLINE, e -> e.getMessage().setBody(device));
        Exchange offline = template.send(SubDeviceSessionRoutes.OFFLINE, e -> e.getMessage().setBody(device.id()));
        Exchange refused = template.send(SubDeviceSessionRoutes.ONLINE,
                e -> e.getMessage().setBody(SubDevice.withSecret("a1SubPk0001", "spring-secret-01", "aWrongSecret0002")));

        assertThat(online.getException()).isNull();
        assertThat(offline.getException()).isNull();
        assertThat(refused.getException()).as("a login with a wrong secret, which the error handler logs").isNotNull();
        String log = Files.readString(Path.of(LOG_FILE), StandardCharsets.UTF_8);
        // the capture works: trace lines of Camel and of Paho (java.util.logging), and the gateway's connect
        assertThat(log).contains(" TRACE ").contains("org.eclipse.paho").contains("a1GwSpring01");
        Set<String> signed = new HashSet<>(cloud.connectPasswords());
        assertThat(signed).as("the CONNECT passwords the broker was shown").isNotEmpty();
        assertThat(CapturedLogs.firstSecretIn(log, List.of(EmbeddedAlinkCloud.GATEWAY_SECRET, SUB_SECRET,
                "aWrongSecret0002"), signed)).as("a secret in " + LOG_FILE).isNull();
    }
}
