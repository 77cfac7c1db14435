package io.github.camel.iotgateway.simulator;

/**
 * A message a simulator received: its topic, a copy of its bytes, the QoS it was delivered with, whether the broker
 * flagged it as a redelivery (MQTT DUP), and when it arrived ({@link System#nanoTime()} on the MQTT client's thread,
 * before any queueing in the simulator, so a busy simulator does not make messages look bunched).
 */
record InboundMessage(String topic, byte[] payload, int qos, boolean redelivered, long receivedNanos) {
}
