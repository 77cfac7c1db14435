package io.github.camel.iotgateway.mqtt;

/** The MQTT client refused or failed to publish a request; the platform did not see it. */
public class GatewayPublishException extends GatewayException {

    public GatewayPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
