package io.github.camel.iotgateway.mqtt;

import java.util.List;

/**
 * What the request/reply core needs to know of a cloud protocol: which topics carry the platform's answers and how
 * to tell which request a message answers. Everything else (payloads, batching rules) stays in the component.
 */
public interface GatewayProtocol {

    /** Topic filters subscribed on connect and restored after every reconnect. */
    List<String> subscriptions();

    /** QoS of those subscriptions. */
    int subscriptionQos();

    /**
     * Decodes a received message into what it carries: usually one answer or one notice, but a platform may bundle
     * several (IoTDA's services[]).
     *
     * @throws IllegalArgumentException when the payload is not a message of this protocol; it is dropped and counted
     */
    List<InboundMessage> decode(String topic, byte[] payload);

    /**
     * The platform's answer to a request in a word, for the metrics (a {@code code} tag, so few distinct values): the
     * platform's result code where it has one. Called on a reply worker for every answer: return a constant, or a
     * value computed without allocating, for the common answers.
     *
     * @param reply an answer this protocol decoded, which matched a waiting request
     */
    default String replyCode(InboundMessage reply) {
        return "answered";
    }
}
