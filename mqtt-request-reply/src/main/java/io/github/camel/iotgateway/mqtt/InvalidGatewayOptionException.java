package io.github.camel.iotgateway.mqtt;

/**
 * An option of a gateway endpoint is wrong (a broker URL that is no MQTT URL, a missing identity, two endpoints of one
 * gateway that disagree on a gateway-wide option). The message names the option, what was wrong, and where to fix it.
 * Nothing was published.
 */
public class InvalidGatewayOptionException extends IllegalArgumentException {

    public InvalidGatewayOptionException(String message) {
        super(message);
    }

    public InvalidGatewayOptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
