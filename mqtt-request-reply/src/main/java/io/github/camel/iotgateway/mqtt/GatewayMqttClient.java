package io.github.camel.iotgateway.mqtt;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The Paho client camel-paho shares ({@link MqttClient}), opened up to publish without waiting. {@code
 * MqttClient.publish}, which camel-paho's producer calls, blocks until Paho's sender thread has written the message
 * (QoS 0) or the broker has acknowledged it (QoS 1): measured, that serialises every request of a gateway on the calling
 * thread and halves pipelined throughput. The asynchronous side of the same client hands the message over and returns.
 */
final class GatewayMqttClient extends MqttClient {

    GatewayMqttClient(String serverUri, String clientId, MqttClientPersistence persistence) throws MqttException {
        super(serverUri, clientId, persistence);
    }

    MqttAsyncClient async() {
        return aClient;
    }
}
