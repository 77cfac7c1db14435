package io.github.camel.iotgateway.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.MessageIdSequence;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The baseline for alink-session: a hand-written gateway on one raw Paho {@link MqttAsyncClient} (TCP_NODELAY,
 * maxInflight 1000, QoS 0 as the platform asks). It publishes a session request under a fresh id and completes a
 * future when the {@code _reply} with that id comes, on Paho's callback thread. No batching, no retries, no checks
 * beyond reading the reply: the least a correct client must do.
 */
final class RawAlinkClient implements AutoCloseable {

    private static final int QOS = 0;

    private final MqttAsyncClient client;
    private final SessionTopics topics;
    private final MessageIdSequence ids = new MessageIdSequence();
    private final Map<String, CompletableFuture<AlinkReply>> pending = new ConcurrentHashMap<>();

    private RawAlinkClient(MqttAsyncClient client, SessionTopics topics) {
        this.client = client;
        this.topics = topics;
    }

    static RawAlinkClient connect(String brokerUrl, String productKey, String deviceName) throws MqttException {
        SessionTopics topics = new SessionTopics(productKey, deviceName);
        MqttAsyncClient client = RawPaho.client(brokerUrl, "raw-" + productKey + "." + deviceName);
        RawAlinkClient raw = new RawAlinkClient(client, topics);
        client.setCallback(raw.new Replies());
        RawPaho.connect(client);
        String[] replyTopics = { topics.reply(SessionOperation.LOGOUT), topics.reply(SessionOperation.BATCH_LOGOUT) };
        client.subscribe(replyTopics, new int[] { QOS, QOS }).waitForCompletion(RawPaho.CONNECT_TIMEOUT_MS);
        return raw;
    }

    /** Publishes one session request; the future ends with the reply, or fails after {@code timeoutMillis}. */
    CompletableFuture<AlinkReply> request(SessionOperation operation, Object params, long timeoutMillis) {
        String id = ids.next();
        CompletableFuture<AlinkReply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        reply.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((r, failure) -> {
            if (failure != null) {
                pending.remove(id);
            }
        });
        try {
            client.publish(topics.request(operation), AlinkJson.request(id, params), QOS, false);
        } catch (MqttException e) {
            pending.remove(id);
            reply.completeExceptionally(e);
        }
        return reply;
    }

    /** Requests still waiting for their reply. */
    int pendingCount() {
        return pending.size();
    }

    /** Fails every waiting request, so nothing stays referenced after a memory measurement. */
    void abandonPending() {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("abandoned")));
        pending.clear();
    }

    @Override
    public void close() {
        abandonPending();
        RawPaho.close(client);
    }

    private final class Replies implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            AlinkReply reply;
            try {
                reply = AlinkJson.readReply(message.getPayload());
            } catch (IllegalArgumentException malformed) {
                return;
            }
            CompletableFuture<AlinkReply> waiting = pending.remove(reply.id());
            if (waiting != null) {
                waiting.complete(reply);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            pending.values().forEach(f -> f.completeExceptionally(cause));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 0: nothing to wait for
        }
    }
}
