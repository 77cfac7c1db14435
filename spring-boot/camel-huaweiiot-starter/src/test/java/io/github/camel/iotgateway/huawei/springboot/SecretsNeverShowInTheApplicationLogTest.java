package io.github.camel.iotgateway.huawei.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camel.iotgateway.huawei.springboot.gateway.ChildDeviceRoutes;
import io.github.camel.iotgateway.huawei.springboot.gateway.GatewayApplication;
import io.github.camel.iotgateway.simulator.CapturedLogs;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's secret, set in application.properties, never shows in the application's log at any level: Spring
 * Boot's logging writes every level of every logger (java.util.logging, where Paho logs, included) to a file from the
 * start of the context to its end, and the file is searched for the secret and for the CONNECT passwords signed from
 * it. The broker standing in for the cloud stays at warn.
 */
@SpringBootTest(classes = GatewayApplication.class, properties = {
        "logging.file.name=" + SecretsNeverShowInTheApplicationLogTest.LOG_FILE, "logging.level.root=trace",
        "logging.level.org.apache.activemq=warn", "logging.level.io.netty=warn" })
@Import(EmbeddedHuaweiCloud.class)
@DirtiesContext // its context logs at trace into the file: closed with the class, so the next one logs as it says
class SecretsNeverShowInTheApplicationLogTest {

    static final String LOG_FILE = "target/spring-boot-every-level.log";

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
    private IotdaPlatformSimulator platform;
    @Autowired
    private EmbeddedHuaweiCloud cloud;

    @Test
    void noSecretShowsInTheLogOfEveryLevel() throws Exception {
        String child = EmbeddedHuaweiCloud.PRODUCT_ID + "_spring-secret-01";
        platform.registerChild(child);
        Exchange deleted = template.send(ChildDeviceRoutes.DECOMMISSION, e -> e.getMessage().setBody(child));
        Exchange refused = template.send(ChildDeviceRoutes.DECOMMISSION, e -> e.getMessage().setBody(child));

        assertThat(deleted.getException()).isNull();
        assertThat(refused.getException()).as("a delete of a device that is gone, which the error handler logs").isNotNull();
        String log = Files.readString(Path.of(LOG_FILE), StandardCharsets.UTF_8);
        // the capture works: trace lines of Camel and of Paho (java.util.logging), and the gateway's connect
        assertThat(log).contains(" TRACE ").contains("org.eclipse.paho").contains(EmbeddedHuaweiCloud.GATEWAY_DEVICE_ID);
        Set<String> signed = new HashSet<>(cloud.connectPasswords());
        assertThat(signed).as("the CONNECT passwords the broker was shown").isNotEmpty();
        assertThat(CapturedLogs.firstSecretIn(log, List.of(EmbeddedHuaweiCloud.GATEWAY_SECRET), signed))
                .as("a secret in " + LOG_FILE).isNull();
    }
}
