package io.github.camel.iotgateway.mqtt.client;

import io.github.camel.iotgateway.mqtt.GatewayException;

/**
 * Makes the MQTT client of a gateway connection, in the shape of camel-kafka's {@code KafkaClientFactory}: the core
 * asks it for the client, so tests and other MQTT libraries can stand in for Paho. Set on the component
 * ({@code mqttClientFactory}) or left to the default, {@link PahoClientFactory}.
 */
public interface MqttClientFactory {

    /**
     * @param clientId the MQTT clientId the client connects as, for its whole life
     * @throws GatewayException when the settings cannot make a client (e.g. the broker URL)
     */
    MqttGatewayClient create(MqttClientSettings settings, String clientId) throws GatewayException;
}
