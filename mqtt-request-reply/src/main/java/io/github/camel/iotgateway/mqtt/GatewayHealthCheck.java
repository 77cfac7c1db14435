package io.github.camel.iotgateway.mqtt;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel's view of a gateway connection: UP while the connection is ready, DOWN while it is reconnecting, and DOWN with
 * a clear message when another client has taken over its clientId. A clustered gateway on a node that does not lead
 * it is UP: the node is a healthy standby, and a probe that restarted it (or took it out of service) would only
 * weaken the cluster; its details name the namespace and say it does not lead.
 * <p>
 * Named as Camel's own components name theirs (camel-kafka's {@code producer:kafka-<clientId>} and
 * {@code consumer:kafka-<routeId>}), from names that stay the same across reconnects, hours and restarts (never the
 * signed clientId of a connect):
 * <ul>
 * <li>{@code producer:<component>-<gateway>} (e.g. {@code producer:alink-session-a1Pk.gw-01}), in Camel's "producers"
 * repository (enable it with {@code camel.health.producersEnabled=true});</li>
 * <li>{@code consumer:<component>-<routeId>}: the check an events consumer hands to Camel's own consumer check
 * {@code consumer:<routeId>} (repository "consumers"), so the events route is not ready while its gateway is not
 * connected.</li>
 * </ul>
 */
public final class GatewayHealthCheck extends AbstractHealthCheck {

    private final GatewayConnection connection;

    /** The gateway's producer check. */
    public GatewayHealthCheck(GatewayConnection connection) {
        this(connection, "producer:" + connection.componentName() + "-" + connection.displayName());
    }

    private GatewayHealthCheck(GatewayConnection connection, String id) {
        super("camel", id);
        this.connection = connection;
    }

    /** The readiness of an events consumer of the gateway, in the route {@code routeId}. */
    public static GatewayHealthCheck forConsumer(GatewayConnection connection, String routeId) {
        return new GatewayHealthCheck(connection, "consumer:" + connection.componentName() + "-" + routeId);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("broker.url", connection.getBrokerUrl());
        builder.detail("gateway", connection.displayName());
        builder.detail("reconnects", connection.reconnects());
        builder.detail("requests.pending", connection.pendingReplies() == null ? 0 : connection.pendingReplies().size());
        builder.detail("messages.published", connection.messagesPublished());
        String namespace = connection.clusterNamespace();
        if (namespace != null) {
            builder.detail("cluster.namespace", namespace);
            builder.detail("cluster.leading", connection.isLeading());
        }
        if (namespace != null && !connection.isLeading()) {
            builder.up().message("another node leads gateway " + connection.displayName() + " (cluster namespace "
                                 + namespace + "); this node stands by");
        } else if (connection.isTakenOver()) {
            builder.down().message("another client keeps taking over the clientId of gateway "
                                   + connection.displayName() + "; stopped reconnecting");
        } else if (connection.isReady()) {
            builder.up();
        } else {
            builder.down().message("gateway " + connection.displayName() + " is not connected to "
                                   + connection.getBrokerUrl() + "; reconnecting");
        }
    }
}
