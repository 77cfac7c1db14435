package io.github.camel.iotgateway.mqtt;

/**
 * The broker refused the gateway's CONNECT credentials (CONNACK 4 or 5). Retrying does not help: fix the gateway's
 * identity or secret.
 */
public class GatewayAuthenticationException extends GatewayException {

    private final int reasonCode;

    public GatewayAuthenticationException(String message, int reasonCode, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    /** Paho's reason code: 4 bad user name or password, 5 not authorized. */
    public int getReasonCode() {
        return reasonCode;
    }
}
