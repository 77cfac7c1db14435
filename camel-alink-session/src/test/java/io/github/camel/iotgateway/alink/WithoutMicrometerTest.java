package io.github.camel.iotgateway.alink;

import java.time.Duration;
import java.util.Map;

import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.mqtt.GatewayMetrics;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * micrometer-core is an optional dependency of the core: without it on the class path (this test runs in a JVM of its
 * own that has none, see the pom) the gateway serves as ever and still keeps its figures.
 */
class WithoutMicrometerTest extends AlinkTestSupport {

    @Test
    void theGatewayServesAndKeepsItsFiguresWithoutMicrometer() throws Exception {
        assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
                .as("this JVM runs without Micrometer").isInstanceOf(ClassNotFoundException.class);
        platform.registerSubDevice(SUB_PK, "plain-1", "subSecretExample0001");

        assertThat(template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "plain-1", "subSecretExample0001")))
                .getException()).isNull();
        assertThat(template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "never-logged-in"))).getException())
                .isInstanceOf(AlinkNoSessionException.class);

        GatewayMetrics metrics = context.getComponent("alink-session", AlinkSessionComponent.class).gatewayClients()
                .get(0).connection().metrics();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(metrics.requestsSent()).isEqualTo(2));
        assertThat(metrics.repliesByCode()).isEqualTo(Map.of("200", 1L, "520", 1L));
    }
}
