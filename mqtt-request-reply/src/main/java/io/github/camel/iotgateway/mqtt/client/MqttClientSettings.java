package io.github.camel.iotgateway.mqtt.client;

import javax.net.SocketFactory;

/**
 * The MQTT options every gateway connection is made with, whatever the cloud and whatever the MQTT library; a
 * component adds its cloud's CONNECT identity. Clean session always (replies to a gone session are gone too, so a
 * reconnect starts clean and subscribes again), MQTT 3.1.1 always (after a refused CONNECT, Paho's
 * fallback to 3.1 gets no CONNACK from some brokers and hides the refusal), no automatic reconnect (the core's own reconnect restores subscriptions first).
 *
 * @param brokerUrl                tcp://, ssl://, ws:// or wss:// with host and port
 * @param socketFactory            TCP_NODELAY, and TLS for ssl:// and wss://
 * @param keepAliveSeconds         MQTT keep-alive
 * @param connectionTimeoutSeconds bound of every blocking call (connect, subscribe, disconnect)
 * @param maxInflight              QoS 1 messages the client may have unacknowledged
 */
public record MqttClientSettings(String brokerUrl, SocketFactory socketFactory, int keepAliveSeconds,
        int connectionTimeoutSeconds, int maxInflight) {

    public long connectionTimeoutMillis() {
        return Math.max(1, connectionTimeoutSeconds) * 1000L;
    }
}
