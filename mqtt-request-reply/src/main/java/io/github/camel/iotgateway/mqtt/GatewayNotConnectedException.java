package io.github.camel.iotgateway.mqtt;

/**
 * The gateway has no usable MQTT connection right now (never connected, lost, or reply subscriptions not yet restored).
 * Nothing was published; the request may be retried once the connection is back.
 */
public class GatewayNotConnectedException extends GatewayException {

    public GatewayNotConnectedException(String message) {
        super(message);
    }

    public GatewayNotConnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
