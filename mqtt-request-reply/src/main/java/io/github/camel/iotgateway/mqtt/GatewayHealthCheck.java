package io.github.camel.iotgateway.mqtt;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel's view of a gateway connection, in the "producers" health check repository (enable it with
 * {@code camel.health.producersEnabled=true}): UP while the connection is ready, DOWN while it is reconnecting, and DOWN
 * with a clear message when another client has taken over its clientId. A consumer of the gateway (an events route)
 * hands the same check to Camel's consumer health check, so its readiness follows the gateway.
 */
public final class GatewayHealthCheck extends AbstractHealthCheck {

    private final GatewayConnection connection;

    public GatewayHealthCheck(GatewayConnection connection) {
        super("producers", "gateway-" + connection.displayName());
        this.connection = connection;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker.url", connection.getBrokerUrl());
        builder.detail("client.id", connection.getClientId());
        builder.detail("reconnects", connection.reconnects());
        builder.detail("requests.pending", connection.pendingReplies() == null ? 0 : connection.pendingReplies().size());
        builder.detail("messages.published", connection.messagesPublished());
        if (connection.isTakenOver()) {
            builder.down().message("another client keeps taking over clientId " + connection.getClientId()
                                   + "; stopped reconnecting");
        } else if (connection.isReady()) {
            builder.up();
        } else {
            builder.down().message("not connected to " + connection.getBrokerUrl() + "; reconnecting");
        }
    }
}
