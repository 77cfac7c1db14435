package io.github.camel.iotgateway.huawei;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test's own MQTT client: records what the component publishes on a topic, as the wire shows it, and publishes
 * messages the way the platform would (late, bundled, or made up).
 */
final class MqttWire implements AutoCloseable {

    private final MqttClient client;
    private final List<IotdaMessage> received = new CopyOnWriteArrayList<>();
    private final List<Long> arrivalMillis = new CopyOnWriteArrayList<>();

    MqttWire(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "test-wire-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
    }

    /** Records every message on the topic from now on. */
    MqttWire record(String topic) throws MqttException {
        client.subscribe(topic, 1, (t, message) -> {
            arrivalMillis.add(System.nanoTime() / 1_000_000);
            received.add(IotdaJson.readMessage(message.getPayload()));
        });
        return this;
    }

    List<IotdaMessage> received() {
        return List.copyOf(received);
    }

    /** When each recorded message arrived here, in ms of a monotonic clock. */
    List<Long> arrivalMillis() {
        return List.copyOf(arrivalMillis);
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect(1000);
        client.close();
    }
}
