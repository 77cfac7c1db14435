package io.github.camel.iotgateway.mqtt;

import org.apache.camel.CamelException;

/** Base of the typed errors of a gateway connection; callers catch the subtypes by what went wrong. */
public class GatewayException extends CamelException {

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
