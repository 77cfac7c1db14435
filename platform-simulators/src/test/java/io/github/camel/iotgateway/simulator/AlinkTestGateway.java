package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.BatchLoginParams;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A raw Paho client playing the gateway: sends session requests and reads the replies, no component in between. */
final class AlinkTestGateway implements AutoCloseable {

    static final Duration REPLY_WAIT = Duration.ofSeconds(5);

    private final TestMqttClient client;
    private final SessionTopics topics;
    private final AtomicLong ids = new AtomicLong(1000);

    AlinkTestGateway(String brokerUrl, SessionTopics topics) throws MqttException {
        this.client = new TestMqttClient(brokerUrl);
        this.topics = topics;
        client.subscribe(topics.replies().toArray(String[]::new));
    }

    static LoginParams login(String pk, String dn, String secret) {
        return LoginParams.of(SubDevice.withSecret(pk, dn, secret), SignMethod.HMAC_SHA256, () -> 1_700_000_000_000L,
                Boolean.TRUE);
    }

    static BatchLoginParams batchLogin(List<LoginParams> entries) {
        return BatchLoginParams.of(entries);
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /** Sends a well-formed request with a fresh id at QoS 0 and returns the reply to that id. */
    AlinkReply call(SessionOperation operation, Object params) throws Exception {
        String id = nextId();
        send(operation, new String(AlinkJson.request(id, params), StandardCharsets.UTF_8), 0);
        return awaitReply(operation, id);
    }

    void send(SessionOperation operation, String payload, int qos) throws MqttException {
        client.publish(topics.request(operation), payload, qos);
    }

    AlinkReply awaitReply(SessionOperation operation, String id) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TestMqttClient.Received next = client.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (next == null) {
                break;
            }
            AlinkReply reply = AlinkJson.readReply(next.payload().getBytes(StandardCharsets.UTF_8));
            if (next.topic().equals(topics.reply(operation)) && reply.id().equals(id)) {
                return reply;
            }
        }
        throw new AssertionError("No " + operation.topicSuffix() + " reply to id " + id + " within " + REPLY_WAIT);
    }

    /** Every reply that arrives within the window, on any session reply topic. */
    List<TestMqttClient.Received> repliesWithin(Duration window) throws InterruptedException {
        return client.drain(window);
    }

    void forgetReceived() {
        client.clear();
    }

    @Override
    public void close() throws MqttException {
        client.close();
    }
}
