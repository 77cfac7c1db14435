package io.github.camel.iotgateway.alink.springboot;

import java.util.List;

import io.github.camel.iotgateway.alink.springboot.gateway.GatewayApplication;
import io.github.camel.iotgateway.alink.springboot.gateway.SubDeviceSessionRoutes;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.springboot.testsupport.EveryLevelApplicationLogTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's secret, set in application.properties, and the sub-devices' secrets in the exchanges never show in
 * the application's log at any level (the support logs every level of every logger to a file), nor do the CONNECT
 * passwords signed from the gateway's secret.
 */
@SpringBootTest(classes = GatewayApplication.class)
@Import(EmbeddedAlinkCloud.class)
class SecretsNeverShowInTheApplicationLogTest extends EveryLevelApplicationLogTestSupport {

    private static final String SUB_SECRET = "subSecretNeverInTheLog0001";

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
        String log = applicationLog(EmbeddedAlinkCloud.GATEWAY_PRODUCT_KEY);
        assertNoSecretIn(log, List.of(EmbeddedAlinkCloud.GATEWAY_SECRET, SUB_SECRET, "aWrongSecret0002"),
                cloud.connectPasswords());
    }
}
