package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.mqtt.GatewayProtocol;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;

/** Alink session replies for the request/reply core: the four {@code _reply} topics, correlated by {@code id}. */
final class AlinkProtocol implements GatewayProtocol {

    private final SessionTopics topics;

    AlinkProtocol(SessionTopics topics) {
        this.topics = topics;
    }

    @Override
    public List<String> subscriptions() {
        // a generic MQTT client is not auto-subscribed by the platform (docs/protocol-notes.md A.2)
        return topics.replies();
    }

    @Override
    public int subscriptionQos() {
        return AlinkLimits.SESSION_QOS;
    }

    @Override
    public List<InboundMessage> decode(String topic, byte[] payload) {
        if (topics.operationOfReply(topic) == null) {
            throw new IllegalArgumentException("not a session reply topic of this gateway: " + topic);
        }
        AlinkReply reply = AlinkJson.readReply(payload);
        return List.of(new InboundMessage(topic, reply.id(), reply));
    }
}
