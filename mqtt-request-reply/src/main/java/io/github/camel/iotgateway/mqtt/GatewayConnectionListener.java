package io.github.camel.iotgateway.mqtt;

/**
 * Told when a gateway connection comes and goes, on a worker thread. A component uses it to do what the clouds expect
 * of a gateway after a reconnect: Alibaba logs its sub-devices in again, Huawei asks for a resync.
 */
public interface GatewayConnectionListener {

    /**
     * Connected, with the subscriptions in place: requests can be sent.
     *
     * @param reconnect {@code false} the first time, {@code true} after a lost connection came back
     */
    default void connected(boolean reconnect) {
    }

    /** The connection was lost; what was pending has failed. */
    default void disconnected(Throwable cause) {
    }

    /** Another client keeps taking over this gateway's clientId: the connection has given up reconnecting. */
    default void takenOver() {
    }
}
