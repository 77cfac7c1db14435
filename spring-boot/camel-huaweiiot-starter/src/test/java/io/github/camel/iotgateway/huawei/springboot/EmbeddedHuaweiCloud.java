package io.github.camel.iotgateway.huawei.springboot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.simulator.ConnectAuthenticator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The cloud the test application talks to: an embedded MQTT broker on a free port that checks the gateway's CONNECT
 * as IoTDA does (the identity signed from the gateway's secret), and the IoTDA platform simulator for the gateway.
 * Beans of the test's context, so they stop after the CamelContext, not under it. The application's
 * {@code ${HUAWEI_*}} placeholders, which a real deployment fills from its environment, are filled from them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedHuaweiCloud {

    static final String PRODUCT_ID = "6650a1b2c3d4e5f6a7b8c9d0";
    static final String GATEWAY_DEVICE_ID = PRODUCT_ID + "_gw-spring-01";
    static final String GATEWAY_SECRET = "gwSecretOfTheSpringBootTest0002";

    /** The CONNECT passwords the broker was shown, each computed by the component from the gateway's secret. */
    private final List<String> connectPasswords = new CopyOnWriteArrayList<>();

    @Bean(destroyMethod = "close")
    EmbeddedMqttBroker embeddedMqttBroker() {
        return EmbeddedMqttBroker.start();
    }

    @Bean(destroyMethod = "close")
    IotdaPlatformSimulator iotdaPlatformSimulator(EmbeddedMqttBroker broker) {
        IotdaPlatformSimulator platform = IotdaPlatformSimulator.start(broker.brokerUrl(), GATEWAY_DEVICE_ID);
        ConnectAuthenticator platformCheck = platform.connectAuthenticator(GATEWAY_SECRET);
        broker.setConnectAuthenticator((clientId, username, password) -> {
            if (clientId.startsWith(GATEWAY_DEVICE_ID)) {
                connectPasswords.add(password);
            }
            return platformCheck.accept(clientId, username, password);
        });
        return platform;
    }

    /** Started before the CamelContext: its routes connect to the broker, which the simulator already listens on. */
    @Bean
    DynamicPropertyRegistrar huaweiGatewayEnvironment(EmbeddedMqttBroker broker, IotdaPlatformSimulator platform) {
        return registry -> {
            registry.add("HUAWEI_BROKER_URL", broker::brokerUrl);
            registry.add("HUAWEI_GATEWAY_DEVICE_ID", platform::gatewayDeviceId);
            registry.add("HUAWEI_GATEWAY_SECRET", () -> GATEWAY_SECRET);
        };
    }

    List<String> connectPasswords() {
        return connectPasswords;
    }
}
