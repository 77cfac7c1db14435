package io.github.camel.iotgateway.mqtt;

/**
 * The gateway's connection kept being dropped right after connecting: another client is using its clientId, and the
 * clouds allow a device one connection. The component stopped reconnecting instead of fighting; stop the other client,
 * then restart the route or context.
 */
public class GatewayTakenOverException extends GatewayNotConnectedException {

    public GatewayTakenOverException(String message) {
        super(message);
    }
}
