package io.github.camel.iotgateway.benchmarks;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The baseline for huaweiiot: a hand-written gateway on one raw Paho {@link MqttAsyncClient} (TCP_NODELAY,
 * maxInflight 1000) sending delete_sub_device_request at QoS 1 (the component's default) on events/up and matching
 * the response on events/down (subscribed at QoS 1, as the component does) by event_id, on Paho's callback thread.
 * The pending-memory rows publish at QoS 0 instead, as the component there does.
 */
final class RawIotdaClient implements AutoCloseable {

    private static final int QOS = 1;

    private final MqttAsyncClient client;
    private final int publishQos;
    private final IotdaTopics topics;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CompletableFuture<ServiceEvent>> pending = new ConcurrentHashMap<>();

    private RawIotdaClient(MqttAsyncClient client, IotdaTopics topics, int publishQos) {
        this.client = client;
        this.topics = topics;
        this.publishQos = publishQos;
    }

    static RawIotdaClient connect(String brokerUrl, String gatewayDeviceId) throws MqttException {
        return connect(brokerUrl, gatewayDeviceId, QOS);
    }

    /** @param publishQos the QoS the requests go at */
    static RawIotdaClient connect(String brokerUrl, String gatewayDeviceId, int publishQos) throws MqttException {
        IotdaTopics topics = new IotdaTopics(gatewayDeviceId);
        MqttAsyncClient client = RawPaho.client(brokerUrl, "raw-" + gatewayDeviceId);
        RawIotdaClient raw = new RawIotdaClient(client, topics, publishQos);
        client.setCallback(raw.new Responses());
        RawPaho.connect(client);
        client.subscribe(topics.eventsDown(), QOS).waitForCompletion(RawPaho.CONNECT_TIMEOUT_MS);
        return raw;
    }

    /** Deletes up to 50 children in one request; the future gives how many the response lists as deleted. */
    CompletableFuture<Integer> delete(List<String> deviceIds, long timeoutMillis) {
        String eventId = EventIds.next();
        CompletableFuture<ServiceEvent> response = new CompletableFuture<>();
        pending.put(eventId, response);
        response.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((r, failure) -> {
            if (failure != null) {
                pending.remove(eventId);
            }
        });
        try {
            byte[] payload = IotdaJson.request(EventType.DELETE_SUB_DEVICE_REQUEST, eventId, EventTime.now(clock),
                    new DeleteSubDeviceParas(deviceIds));
            client.publish(topics.eventsUp(), payload, publishQos, false);
        } catch (MqttException e) {
            pending.remove(eventId);
            response.completeExceptionally(e);
        }
        return response.thenApply(event -> IotdaJson.convert(event.paras(), DeleteSubDeviceResponseParas.class)
                .successfulDevices().size());
    }

    @Override
    public void close() {
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
        pending.clear();
        RawPaho.close(client);
    }

    private final class Responses implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            IotdaMessage down;
            try {
                down = IotdaJson.readMessage(message.getPayload());
            } catch (IllegalArgumentException malformed) {
                return;
            }
            for (ServiceEvent event : down.services()) {
                CompletableFuture<ServiceEvent> waiting = event.eventId() == null ? null
                        : pending.remove(event.eventId());
                if (waiting != null) {
                    waiting.complete(event);
                }
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            pending.values().forEach(f -> f.completeExceptionally(cause));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the response is what counts, not the PUBACK
        }
    }
}
