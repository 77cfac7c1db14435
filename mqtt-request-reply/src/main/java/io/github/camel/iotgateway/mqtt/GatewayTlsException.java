package io.github.camel.iotgateway.mqtt;

/**
 * The TLS handshake with the broker failed: its certificate is not trusted (or names another host), or no protocol or
 * cipher is shared. Retrying does not help: fix the trust store (sslContextParameters) or the broker URL.
 */
public class GatewayTlsException extends GatewayException {

    public GatewayTlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
