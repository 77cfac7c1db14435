package io.github.camel.iotgateway.mqtt.client;

/** What an {@link MqttGatewayClient} reports, on its library's thread: every method must return at once. */
public interface MqttClientListener {

    /** The connection was lost; the client does not reconnect by itself. */
    void connectionLost(Throwable cause);

    void messageArrived(String topic, byte[] payload);
}
