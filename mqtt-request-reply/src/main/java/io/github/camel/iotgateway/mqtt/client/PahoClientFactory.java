package io.github.camel.iotgateway.mqtt.client;

import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.InvalidGatewayOptionException;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Gateway clients on Eclipse Paho v3's asynchronous client, the library camel-paho ships. Its asynchronous side is
 * used directly: camel-paho's producer waits for each publish to be written or acknowledged, which serialises a
 * gateway's requests (docs/benchmarks.md). The clients' threads come from {@link PahoThreads}: three an idle gateway
 * (receiver, sender, callback), where Paho alone keeps four, and none started for a connect when a thread is idle.
 */
public final class PahoClientFactory implements MqttClientFactory {

    @Override
    public MqttGatewayClient create(MqttClientSettings settings, String clientId) throws GatewayException {
        try {
            // in memory: a clean session keeps nothing worth a file across restarts; threads and ping timing shared
            // by every client, connects without Paho's start-up pauses
            return new PahoGatewayClient(new MqttAsyncClient(settings.brokerUrl(), clientId, new MemoryPersistence(),
                    new ScheduledExecutorPingSender(PahoThreads.INSTANCE), PahoThreads.INSTANCE), settings);
        } catch (MqttException | IllegalArgumentException e) {
            throw new InvalidGatewayOptionException("Paho cannot make a client for broker URL " + settings.brokerUrl()
                                                    + ": " + e.getMessage(), e);
        }
    }
}
