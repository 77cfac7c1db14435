package io.github.camel.iotgateway.huawei.springboot;

import java.util.List;

import io.github.camel.iotgateway.huawei.springboot.gateway.ChildDeviceRoutes;
import io.github.camel.iotgateway.huawei.springboot.gateway.GatewayApplication;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import io.github.camel.iotgateway.springboot.testsupport.EveryLevelApplicationLogTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's secret, set in application.properties, never shows in the application's log at any level (the support
 * logs every level of every logger to a file), nor do the CONNECT passwords signed from it.
 */
@SpringBootTest(classes = GatewayApplication.class)
@Import(EmbeddedHuaweiCloud.class)
class SecretsNeverShowInTheApplicationLogTest extends EveryLevelApplicationLogTestSupport {

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
        String log = applicationLog(EmbeddedHuaweiCloud.GATEWAY_DEVICE_ID);
        assertNoSecretIn(log, List.of(EmbeddedHuaweiCloud.GATEWAY_SECRET), cloud.connectPasswords());
    }
}
