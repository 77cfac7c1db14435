package io.github.camel.iotgateway.alink.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The cloud the test application talks to: an embedded MQTT broker on a free port that checks the gateway's CONNECT
 * as the platform does (the signed password from the gateway's DeviceSecret), and the Alink platform simulator for
 * the gateway. Beans of the test's context, so they stop after the CamelContext, not under it. The application's
 * {@code ${ALINK_*}} placeholders, which a real deployment fills from its environment, are filled from them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedAlinkCloud {

    static final String GATEWAY_PRODUCT_KEY = "a1GwSpring01";
    static final String GATEWAY_DEVICE_NAME = "gw-spring-01";
    static final String GATEWAY_SECRET = "gwSecretOfTheSpringBootTest0001";

    /** The CONNECT passwords the broker was shown, each computed by the component from the gateway's secret. */
    private final List<String> connectPasswords = new CopyOnWriteArrayList<>();

    @Bean(destroyMethod = "close")
    EmbeddedMqttBroker embeddedMqttBroker() {
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start();
        broker.setConnectAuthenticator((clientId, username, password) -> {
            if (clientId.startsWith("alink-platform-sim")) {
                return true;
            }
            connectPasswords.add(password);
            return AlinkConnectCredentials.verify(clientId, username, password, GATEWAY_PRODUCT_KEY, GATEWAY_DEVICE_NAME,
                    GATEWAY_SECRET);
        });
        return broker;
    }

    @Bean(destroyMethod = "close")
    AlinkPlatformSimulator alinkPlatformSimulator(EmbeddedMqttBroker broker) {
        return AlinkPlatformSimulator.start(broker.brokerUrl(), GATEWAY_PRODUCT_KEY, GATEWAY_DEVICE_NAME);
    }

    /** Started before the CamelContext: its routes connect to the broker, which the simulator already listens on. */
    @Bean
    DynamicPropertyRegistrar alinkGatewayEnvironment(EmbeddedMqttBroker broker, AlinkPlatformSimulator platform) {
        return registry -> {
            registry.add("ALINK_BROKER_URL", broker::brokerUrl);
            registry.add("ALINK_GATEWAY_PRODUCT_KEY", platform::gatewayProductKey);
            registry.add("ALINK_GATEWAY_DEVICE_NAME", platform::gatewayDeviceName);
            registry.add("ALINK_GATEWAY_SECRET", () -> GATEWAY_SECRET);
        };
    }

    List<String> connectPasswords() {
        return connectPasswords;
    }
}
