package io.github.camel.iotgateway.mqtt;

/**
 * A message the gateway received, as a protocol decoded it.
 *
 * @param correlationKey the key of the request it answers ({@code id}, {@code event_id}), or {@code null} when it
 *                       answers none (a platform notice)
 * @param body           the decoded message, handed to the pending request or to the notice listeners
 */
public record InboundMessage(String topic, String correlationKey, Object body) {
}
