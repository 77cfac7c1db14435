package io.github.camel.iotgateway.benchmarks;

import io.github.camel.iotgateway.simulator.NoDelaySocketFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** How the raw baselines set up Paho: the settings a careful hand-written client would choose (docs/broker-notes.md §7, §9). */
final class RawPaho {

    static final long CONNECT_TIMEOUT_MS = 10_000;
    /** As the components: room for 1,000 requests in flight; Paho's default of 10 fails bursts (docs/broker-notes.md G2). */
    static final int MAX_INFLIGHT = 1000;

    private RawPaho() {
    }

    static MqttAsyncClient client(String brokerUrl, String clientId) throws MqttException {
        return new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
    }

    static void connect(MqttAsyncClient client) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(MAX_INFLIGHT);
        // Paho never sets TCP_NODELAY itself: without it a round trip can wait for a delayed ACK (docs/broker-notes.md G1)
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
    }

    static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(2000);
            }
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
    }
}
