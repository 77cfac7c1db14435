package io.github.camel.iotgateway.mqtt;

/**
 * The gateway is clustered and another node leads it: this node holds no connection for it, as the platform allows a
 * device one connection. Nothing was published. Send from the leading node (a route with a {@code ClusteredRoutePolicy}
 * on the gateway's cluster namespace runs only there), or retry: after a failover this node may lead.
 */
public class GatewayNotLeaderException extends GatewayNotConnectedException {

    private final String namespace;

    public GatewayNotLeaderException(String message, String namespace) {
        super(message);
        this.namespace = namespace;
    }

    /** The cluster namespace whose leader holds the gateway's connection. */
    public String getNamespace() {
        return namespace;
    }
}
