package io.github.camel.iotgateway.alink;

import java.util.Properties;

import io.github.camel.iotgateway.simulator.CamelComponentProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar describes itself in component.properties as Camel's own component jars do (generated at build time). */
class ComponentPropertiesTest {

    @Test
    void theJarNamesAlinkSessionItsCoordinatesAndItsProject() {
        Properties properties = CamelComponentProperties.of("camel-alink-session");

        assertThat(properties.getProperty("components")).isEqualTo("alink-session");
        assertThat(properties.getProperty("groupId")).isEqualTo("io.github.camel-iot-gateway");
        assertThat(properties.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(properties.getProperty("projectName")).endsWith("Alibaba Alink sub-device sessions");
        assertThat(properties.getProperty("projectDescription")).startsWith("Log the sub-devices");
    }
}
