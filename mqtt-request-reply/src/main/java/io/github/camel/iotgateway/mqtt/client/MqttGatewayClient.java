package io.github.camel.iotgateway.mqtt.client;

import java.util.List;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.GatewayException;

/**
 * The one MQTT client of a gateway connection, as the core needs it: the seam between the request/reply core and an
 * MQTT library. Paho v3 is behind {@link PahoClientFactory}; a later MQTT 5 client is one more implementation, and unit
 * tests drive the core through a scripted one with no broker.
 * <p>
 * Blocking calls ({@link #connect}, {@link #subscribe}, {@link #disconnect}) are bounded by the settings' connection
 * timeout and are only ever called from the core's own threads. The {@link MqttClientListener} is called on the
 * library's thread and must return at once.
 */
public interface MqttGatewayClient extends AutoCloseable {

    /** Sets the one listener that hears of lost connections and received messages; before {@link #connect}. */
    void setListener(MqttClientListener listener);

    /**
     * Opens the connection with the CONNECT identity asked for now (credentials may depend on the time of connecting).
     *
     * @throws GatewayException typed: {@code GatewayAuthenticationException} (refused), {@code GatewayTlsException}
     *                          (handshake), {@code GatewayNotConnectedException} (broker not reachable)
     */
    void connect(ConnectIdentity identity) throws GatewayException;

    /** Subscribes all topic filters at one QoS and waits for the broker's acknowledgement. */
    void subscribe(List<String> topicFilters, int qos) throws GatewayException;

    /**
     * Hands one message to the client without waiting for it to be written.
     *
     * @param  lateFailure      told, on any thread, when the message is refused after it was accepted (link lost
     *                          before a QoS 1 acknowledgement)
     * @throws GatewayException at once, when the message cannot be accepted (not connected, too many in flight)
     */
    void publish(String topic, byte[] payload, int qos, Consumer<Exception> lateFailure) throws GatewayException;

    boolean isConnected();

    /** Disconnects, waiting at most {@code quiesceMillis}; then forcibly. Never throws. */
    void disconnect(long quiesceMillis);

    /** Releases the client's threads and sockets. Never throws. */
    @Override
    void close();
}
