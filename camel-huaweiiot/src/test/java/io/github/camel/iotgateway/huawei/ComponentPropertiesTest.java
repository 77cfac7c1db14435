package io.github.camel.iotgateway.huawei;

import java.util.Properties;

import io.github.camel.iotgateway.simulator.CamelComponentProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar describes itself in component.properties as Camel's own component jars do (generated at build time). */
class ComponentPropertiesTest {

    @Test
    void theJarNamesHuaweiiotItsCoordinatesAndItsProject() {
        Properties properties = CamelComponentProperties.of("camel-huaweiiot");

        assertThat(properties.getProperty("components")).isEqualTo("huaweiiot");
        assertThat(properties.getProperty("groupId")).isEqualTo("io.github.camel-iot-gateway");
        assertThat(properties.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(properties.getProperty("projectName")).endsWith("Huawei IoTDA child devices");
        assertThat(properties.getProperty("projectDescription")).startsWith("Add, delete and report the status");
    }
}
