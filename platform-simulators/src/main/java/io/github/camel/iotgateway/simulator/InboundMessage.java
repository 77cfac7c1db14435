package io.github.camel.iotgateway.simulator;

/**
 * A message a simulator received: its topic, a copy of its bytes, the QoS it was delivered with, and whether the broker
 * flagged it as a redelivery (MQTT DUP).
 */
record InboundMessage(String topic, byte[] payload, int qos, boolean redelivered) {
}
