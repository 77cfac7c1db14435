package io.github.camel.iotgateway.simulator;

/** A message a simulator received: its topic, a copy of its bytes and the QoS it was delivered with. */
record InboundMessage(String topic, byte[] payload, int qos) {
}
