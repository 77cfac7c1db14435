package io.github.camel.iotgateway.mqtt.cluster;

import java.util.Optional;
import java.util.Set;

import io.github.camel.iotgateway.mqtt.GatewayEndpointOptions;
import io.github.camel.iotgateway.mqtt.InvalidGatewayOptionException;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.ClusterServiceHelper;

/**
 * Where a clustered gateway's leadership is decided: a Camel {@link CamelClusterService} (ZooKeeper, Kubernetes leases,
 * a file lock, ...) and the namespace of the gateway in it. One gateway, one namespace, so a rebalancing cluster
 * service can spread gateways over nodes ({@link SpreadClusterService}).
 *
 * @param service   the cluster service, a service of the CamelContext
 * @param namespace the gateway's namespace: only the node that leads it connects the gateway
 */
public record GatewayCluster(CamelClusterService service, String namespace) {

    /** The namespace of a gateway unless an endpoint names one: {@code iot-gateway-<gateway>}. */
    public static String defaultNamespace(String gatewayName) {
        // a ZooKeeper node name or a Kubernetes lease name: keep to a safe alphabet
        return "iot-gateway-" + gatewayName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The cluster of an endpoint's gateway, or {@code null} when the endpoint is not clustered. */
    public static GatewayCluster forEndpoint(CamelContext camelContext, String scheme, GatewayEndpointOptions endpoint,
                                             String gatewayName) {
        return endpoint.isClustered()
                ? resolve(camelContext, scheme, endpoint.getClusterService(), endpoint.getClusterNamespace(), gatewayName)
                : null;
    }

    /**
     * The cluster of an endpoint that asks for one ({@code clustered=true}): the service it names, else the
     * CamelContext's (a service of the context, or the one bean of the type in the registry), added to the context's
     * services so it starts and stops with it.
     *
     * @param  configured                    the endpoint's {@code clusterService}, or null
     * @param  namespace                     the endpoint's {@code clusterNamespace}, or null for the default
     * @throws InvalidGatewayOptionException when none is found, naming what to add
     */
    public static GatewayCluster resolve(CamelContext camelContext, String scheme, CamelClusterService configured,
                                         String namespace, String gatewayName) {
        CamelClusterService service = configured != null ? configured : lookup(camelContext).orElseThrow(
                () -> new InvalidGatewayOptionException("Gateway " + gatewayName + " is clustered (camel.component."
                                                        + scheme + ".clustered=true) but the CamelContext has no"
                                                        + " CamelClusterService: add one (camel-zookeeper's"
                                                        + " ZooKeeperClusterService, camel-kubernetes' cluster service,"
                                                        + " camel-file's FileLockClusterService) or set camel.component."
                                                        + scheme + ".clusterService"));
        if (!camelContext.hasService(service)) {
            try {
                camelContext.addService(service, true, true);
            } catch (Exception e) {
                throw new InvalidGatewayOptionException("Gateway " + gatewayName + ": the cluster service "
                                                        + service.getClass().getName() + " did not start: "
                                                        + e.getMessage());
            }
        }
        String name = namespace == null || namespace.isBlank() ? defaultNamespace(gatewayName) : namespace;
        return new GatewayCluster(service, name);
    }

    private static Optional<CamelClusterService> lookup(CamelContext camelContext) {
        Optional<CamelClusterService> service = ClusterServiceHelper.lookupService(camelContext);
        if (service.isPresent()) {
            return service;
        }
        Set<CamelClusterService> beans = camelContext.getRegistry().findByType(CamelClusterService.class);
        return beans.size() == 1 ? Optional.of(beans.iterator().next()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "GatewayCluster[" + namespace + " on " + service.getClass().getSimpleName() + " " + service.getId() + "]";
    }
}
