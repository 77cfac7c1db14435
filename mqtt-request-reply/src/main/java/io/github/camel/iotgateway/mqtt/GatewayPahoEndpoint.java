package io.github.camel.iotgateway.mqtt;

import org.apache.camel.component.paho.PahoComponent;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.component.paho.PahoEndpoint;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * A camel-paho endpoint that exists to reach camel-paho's own mapping of a {@link PahoConfiguration} to Paho's connect
 * options and persistence, so our options mean exactly what they mean on a {@code paho:} endpoint. It is never
 * registered in the CamelContext.
 */
final class GatewayPahoEndpoint extends PahoEndpoint {

    GatewayPahoEndpoint(String uri, String topic, PahoComponent component, PahoConfiguration configuration) {
        super(uri, topic, component, configuration);
    }

    MqttConnectOptions connectOptions() {
        return createMqttConnectOptions(getConfiguration());
    }

    MqttClientPersistence persistence() {
        return createMqttClientPersistence(getConfiguration());
    }
}
