package io.github.camel.iotgateway.simulator;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain Paho client for tests: publishes, and queues whatever arrives on its subscriptions. */
class TestMqttClient implements AutoCloseable {

    /** A message as it arrived. */
    record Received(String topic, String payload, int qos) {
    }

    private final MqttClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    TestMqttClient(String brokerUrl) throws MqttException {
        this(brokerUrl, "test-" + UUID.randomUUID().toString().substring(0, 8), null, null);
    }

    TestMqttClient(String brokerUrl, String clientId, String username, String password) throws MqttException {
        client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.getQos()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setMaxInflight(1000);
        options.setConnectionTimeout(5);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        client.setTimeToWait(5000);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
    }

    void subscribe(String... topicFilters) throws MqttException {
        for (String filter : topicFilters) {
            client.subscribe(filter, 1);
        }
    }

    void publish(String topic, String payload, int qos) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    /** The next message, or null when none comes in time. */
    Received poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything that arrives within the window. */
    List<Received> drain(Duration window) throws InterruptedException {
        List<Received> all = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Received next = received.poll(left, TimeUnit.NANOSECONDS);
            if (next != null) {
                all.add(next);
            }
        }
        return all;
    }

    /** Forgets what arrived so far. */
    void clear() {
        received.clear();
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(0);
            }
        } finally {
            client.close(true);
        }
    }
}
