package io.github.camel.iotgateway.mqtt.client;

import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.InvalidGatewayOptionException;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Gateway clients on Eclipse Paho v3's asynchronous client, the library camel-paho ships. Its asynchronous side is
 * used directly: camel-paho's producer waits for each publish to be written or acknowledged, which serialises a
 * gateway's requests (docs/benchmarks.md).
 */
public final class PahoClientFactory implements MqttClientFactory {

    @Override
    public MqttGatewayClient create(MqttClientSettings settings, String clientId) throws GatewayException {
        try {
            // in memory: a clean session keeps nothing worth a file across restarts
            return new PahoGatewayClient(new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence()),
                    settings);
        } catch (MqttException | IllegalArgumentException e) {
            throw new InvalidGatewayOptionException("Paho cannot make a client for broker URL " + settings.brokerUrl()
                                                    + ": " + e.getMessage(), e);
        }
    }
}
