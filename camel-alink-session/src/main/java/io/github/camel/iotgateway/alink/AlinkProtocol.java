package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;

import io.github.camel.iotgateway.mqtt.GatewayProtocol;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.PlatformPushes;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.TopologyTopics;

/**
 * Alink for the request/reply core: the four session and three topology {@code _reply} topics, correlated by
 * {@code id}, and the platform's pushes ({@code /ext/error}, {@code thing/topo/change}), which answer no request.
 */
final class AlinkProtocol implements GatewayProtocol {

    /** The text of the codes seen so far, shared by every gateway: a reply's code tag costs no allocation. */
    private static final String[] CODE_TEXT = new String[10_000];

    private final SessionTopics topics;
    private final TopologyTopics topology;
    private final PlatformPushes pushes;

    AlinkProtocol(SessionTopics topics, TopologyTopics topology, PlatformPushes pushes) {
        this.topics = topics;
        this.topology = topology;
        this.pushes = pushes;
    }

    @Override
    public List<String> subscriptions() {
        // a generic MQTT client is not auto-subscribed by the platform (docs/protocol-notes.md A.2)
        List<String> all = new ArrayList<>(topics.replies());
        all.addAll(topology.replies());
        all.addAll(pushes.subscriptions());
        return all;
    }

    @Override
    public int subscriptionQos() {
        return AlinkLimits.SESSION_QOS;
    }

    @Override
    public List<InboundMessage> decode(String topic, byte[] payload) {
        if (topics.operationOfReply(topic) == null && topology.operationOfReply(topic) == null) {
            // the platform talking first: a notice, for the events consumer and the online set
            return List.of(new InboundMessage(topic, null, pushes.read(topic, payload)));
        }
        AlinkReply reply = AlinkJson.readReply(payload);
        return List.of(new InboundMessage(topic, reply.id(), reply));
    }

    /** The reply's Alink code: 200, or the platform's error code (e.g. 520, 6401). */
    @Override
    public String replyCode(InboundMessage reply) {
        if (!(reply.body() instanceof AlinkReply alink)) {
            return GatewayProtocol.super.replyCode(reply);
        }
        int code = alink.code();
        if (code < 0 || code >= CODE_TEXT.length) {
            return Integer.toString(code);
        }
        String text = CODE_TEXT[code];
        if (text == null) {
            // a race only makes the same text twice
            text = Integer.toString(code);
            CODE_TEXT[code] = text;
        }
        return text;
    }
}
