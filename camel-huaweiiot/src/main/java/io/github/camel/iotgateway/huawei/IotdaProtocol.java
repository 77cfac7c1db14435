package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camel.iotgateway.mqtt.GatewayProtocol;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;

/**
 * IoTDA events for the request/reply core: the gateway's events/down topic, where a response is correlated by its
 * {@code event_id} and everything else is a notice.
 * <p>
 * Each service of a message is decoded on its own: a response goes to the correlation table under its event_id, as a
 * {@link ServiceEvent}; any other service is a notice, carried as an {@link IotdaMessage} holding just that service
 * (with the message's object_device_id), so a message that bundles a response with notices serves both.
 */
final class IotdaProtocol implements GatewayProtocol {

    /** Explicit subscription gets events/down at QoS 1; the platform's implicit one is QoS 0 (docs/protocol-notes.md B.1). */
    static final int SUBSCRIPTION_QOS = 1;

    private final IotdaTopics topics;

    IotdaProtocol(IotdaTopics topics) {
        this.topics = topics;
    }

    @Override
    public List<String> subscriptions() {
        return List.of(topics.eventsDown());
    }

    @Override
    public int subscriptionQos() {
        return SUBSCRIPTION_QOS;
    }

    @Override
    public List<InboundMessage> decode(String topic, byte[] payload) {
        if (!topics.eventsDown().equals(topic)) {
            throw new IllegalArgumentException("not the events/down topic of this gateway: " + topic);
        }
        IotdaMessage message = IotdaJson.readMessage(payload);
        List<InboundMessage> decoded = new ArrayList<>(message.services().size());
        for (ServiceEvent service : message.services()) {
            decoded.add(answersRequest(service)
                    ? new InboundMessage(topic, service.eventId(), service)
                    : new InboundMessage(topic, null, new IotdaMessage(message.objectDeviceId(), List.of(service))));
        }
        return decoded;
    }

    /**
     * IoTDA's responses carry no code of their own, only an {@code error_code} per failed device: the code says whether
     * every device of the request succeeded ({@code success}), some did ({@code partial}) or none ({@code failed}).
     */
    @Override
    public String replyCode(InboundMessage reply) {
        if (!(reply.body() instanceof ServiceEvent response)) {
            return GatewayProtocol.super.replyCode(reply);
        }
        boolean failures = response.paras().path("failed_devices").size() > 0;
        boolean successes = response.paras().path("successful_devices").size() > 0;
        return !failures ? "success" : successes ? "partial" : "failed";
    }

    /**
     * Whether the service is the platform's response to a request of ours: a response event_type with an event_id.
     * A response without an event_id cannot be matched and is delivered as an event.
     */
    static boolean answersRequest(ServiceEvent service) {
        Optional<EventType> type = service.type();
        return type.isPresent() && isResponse(type.get()) && service.eventId() != null && !service.eventId().isBlank();
    }

    private static boolean isResponse(EventType type) {
        for (EventType request : EventType.values()) {
            if (request.response().filter(type::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
