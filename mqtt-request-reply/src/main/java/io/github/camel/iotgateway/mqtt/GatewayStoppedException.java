package io.github.camel.iotgateway.mqtt;

/**
 * The gateway's connection or batcher stopped (route, endpoint or CamelContext stop) before the request was
 * published: the platform never saw it.
 */
public class GatewayStoppedException extends GatewayNotConnectedException {

    public GatewayStoppedException(String message) {
        super(message);
    }
}
