package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A raw Paho client playing the IoTDA gateway: publishes on events/up, reads events/down (subscribed at QoS 1). */
final class IotdaTestGateway implements AutoCloseable {

    static final Duration RESPONSE_WAIT = Duration.ofSeconds(5);

    private final TestMqttClient client;
    private final IotdaTopics topics;

    IotdaTestGateway(String brokerUrl, IotdaTopics topics) throws MqttException {
        this(new TestMqttClient(brokerUrl), topics);
    }

    /** Connects with these CONNECT credentials, for a broker that checks them. */
    IotdaTestGateway(String brokerUrl, IotdaTopics topics, String clientId, String username, String password)
            throws MqttException {
        this(new TestMqttClient(brokerUrl, clientId, username, password), topics);
    }

    private IotdaTestGateway(TestMqttClient client, IotdaTopics topics) throws MqttException {
        this.client = client;
        this.topics = topics;
        client.subscribe(topics.eventsDown());
    }

    /** Sends a well-formed request with a fresh event_id at QoS 1 and returns the response carrying that id. */
    ServiceEvent call(EventType request, Object paras) throws Exception {
        String eventId = EventIds.next();
        send(new String(IotdaJson.request(request, eventId, EventTime.now(Clock.systemUTC()), paras),
                StandardCharsets.UTF_8), 1);
        return awaitEvent(eventId).services().get(0);
    }

    void send(String payload, int qos) throws MqttException {
        client.publish(topics.eventsUp(), payload, qos);
    }

    /** The next down message whose first service event has this event_id. */
    IotdaMessage awaitEvent(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + RESPONSE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TestMqttClient.Received next = client.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (next == null) {
                break;
            }
            IotdaMessage message = read(next);
            if (!message.services().isEmpty() && eventId.equals(message.services().get(0).eventId())) {
                return message;
            }
        }
        throw new AssertionError("No down event with event_id " + eventId + " within " + RESPONSE_WAIT);
    }

    /**
     * The next down message whose first service event is of this type; others are skipped (a late QoS 1 copy from an
     * earlier test must not be taken for this one's).
     */
    IotdaMessage awaitEventType(String eventType) throws InterruptedException {
        long deadline = System.nanoTime() + RESPONSE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TestMqttClient.Received next = client.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (next == null) {
                break;
            }
            IotdaMessage message = read(next);
            if (!message.services().isEmpty() && eventType.equals(message.services().get(0).eventType())) {
                return message;
            }
        }
        throw new AssertionError("No down event of type " + eventType + " within " + RESPONSE_WAIT);
    }

    /** The next down message, whatever it is. */
    IotdaMessage awaitAny() throws InterruptedException {
        TestMqttClient.Received next = client.poll(RESPONSE_WAIT);
        if (next == null) {
            throw new AssertionError("No down event within " + RESPONSE_WAIT);
        }
        return read(next);
    }

    List<IotdaMessage> eventsWithin(Duration window) throws InterruptedException {
        return client.drain(window).stream().map(IotdaTestGateway::read).toList();
    }

    /**
     * The down events within the window that carry this event_id. Tests look only at their own ids: QoS 1 is
     * at-least-once, so a stray late copy from an earlier test must not fail this one.
     */
    List<ServiceEvent> eventsWithId(String eventId, Duration window) throws InterruptedException {
        return eventsWithin(window).stream().flatMap(m -> m.services().stream())
                .filter(e -> eventId.equals(e.eventId())).toList();
    }

    void forgetReceived() {
        client.clear();
    }

    static IotdaMessage read(TestMqttClient.Received received) {
        return IotdaJson.readMessage(received.payload().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws MqttException {
        client.close();
    }
}
