package io.github.camel.iotgateway.zookeeper;

import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.AlinkSessionConfiguration;
import io.github.camel.iotgateway.mqtt.cluster.GatewayCluster;
import io.github.camel.iotgateway.mqtt.cluster.SpreadClusterService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.StateRepository;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * One node of a cluster of gateway integrations: a CamelContext whose alink-session gateways are clustered through
 * camel-zookeeper's ZooKeeperClusterService (spread over the nodes by a SpreadClusterService when asked), with their
 * online sets in a ZooKeeperStateRepository on the same ZooKeeper. Routes {@code direct:login-N} and
 * {@code direct:logout-N} reach gateway N. Runs in the test's JVM or, through {@link ClusterNodeMain}, in its own.
 */
final class AlinkClusterNode implements AutoCloseable {

    /** A gateway of the cluster: its product key and device name. */
    record Gateway(String productKey, String deviceName) {
        String namespace() {
            return GatewayCluster.defaultNamespace(productKey + "." + deviceName);
        }

        String clientId() {
            return productKey + "." + deviceName;
        }
    }

    private final String name;
    private final List<Gateway> gateways;
    private final CuratorFramework curator;
    private final CamelClusterService cluster;
    private final CamelContext camel;
    private final ProducerTemplate template;

    /**
     * A node on ZooKeeper: camel-zookeeper's cluster service and a ZooKeeperStateRepository, on one Curator client.
     *
     * @param sessionTimeoutMillis the ZooKeeper session timeout: how long a dead node leads before another may
     * @param spread               spread the gateways over the nodes (SpreadClusterService) rather than one node leading all
     */
    static AlinkClusterNode onZooKeeper(String name, String zooKeeper, String brokerUrl, List<Gateway> gateways,
                                        int sessionTimeoutMillis, boolean spread) throws Exception {
        CuratorFramework curator = CuratorFrameworkFactory.newClient(zooKeeper, sessionTimeoutMillis, 5_000,
                new ExponentialBackoffRetry(100, 10, 1_000));
        curator.start();
        ZooKeeperCuratorConfiguration zooKeeperConfig = new ZooKeeperCuratorConfiguration();
        zooKeeperConfig.setCuratorFramework(curator);
        zooKeeperConfig.setBasePath("/camel/cluster");
        ZooKeeperClusterService zooKeeperCluster = new ZooKeeperClusterService(zooKeeperConfig);
        zooKeeperCluster.setId(name);
        ZooKeeperStateRepository state = new ZooKeeperStateRepository();
        state.setCuratorFramework(curator);
        return new AlinkClusterNode(name, spread ? new SpreadClusterService(zooKeeperCluster, 300) : zooKeeperCluster,
                state, brokerUrl, gateways, curator);
    }

    /** A node on any cluster service and state repository (a started one is shared, not stopped with the node). */
    AlinkClusterNode(String name, CamelClusterService cluster, StateRepository<String, String> state, String brokerUrl,
                     List<Gateway> gateways, CuratorFramework curator) throws Exception {
        this.name = name;
        this.gateways = gateways;
        this.curator = curator;
        this.cluster = cluster;
        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        camel.addService(cluster);
        if (!(state instanceof org.apache.camel.support.service.ServiceSupport service && service.isStarted())) {
            // a repository the test started itself outlives the nodes (a MemoryStateRepository clears at stop)
            camel.addService(state);
        }
        AlinkSessionComponent component = new AlinkSessionComponent();
        AlinkSessionConfiguration config = component.getConfiguration();
        config.setBrokerUrl(brokerUrl);
        config.setClustered(true);
        config.setStateRepository(state);
        config.setRequestTimeout(10_000);
        config.setMaxReconnectDelay(1_000);
        camel.addComponent("alink-session", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                for (int i = 0; i < gateways.size(); i++) {
                    Gateway g = gateways.get(i);
                    String gateway = "gatewayProductKey=" + g.productKey() + "&gatewayDeviceName=" + g.deviceName();
                    from("direct:login-" + i).to("alink-session:login?" + gateway);
                    from("direct:logout-" + i).to("alink-session:logout?" + gateway);
                }
                // the README's advice for a route that should run only where its gateway is led
                from("timer:leader-only?period=1000").routeId("leader-only")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(cluster, gateways.get(0).namespace()))
                        .log(LoggingLevel.DEBUG, "gateway 0 is led here");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    String name() {
        return name;
    }

    /** Whether the route with a ClusteredRoutePolicy on gateway 0's namespace runs here. */
    boolean runsTheLeaderOnlyRoute() {
        return camel.getRouteController().getRouteStatus("leader-only").isStarted();
    }

    /** Whether this node leads gateway {@code index} now. */
    boolean leads(int index) {
        return cluster.isLeader(gateways.get(index).namespace());
    }

    /** The gateway's producer health check on this node, as Camel's health checks report it. */
    org.apache.camel.health.HealthCheck.Result health(int index) {
        org.apache.camel.health.HealthCheckHelper.getHealthCheckRepository(camel, "producers").setEnabled(true);
        String id = "producer:alink-session-" + gateways.get(index).clientId();
        return org.apache.camel.health.HealthCheckHelper.invoke(camel).stream()
                .filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id));
    }

    Exchange login(int gateway, String productKey, String deviceName, String secret) {
        return template.send("direct:login-" + gateway, e -> e.getMessage().setBody(
                Map.of("productKey", productKey, "deviceName", deviceName, "deviceSecret", secret)));
    }

    Exchange logout(int gateway, String productKey, String deviceName) {
        return template.send("direct:logout-" + gateway, e -> e.getMessage().setBody(
                Map.of("productKey", productKey, "deviceName", deviceName)));
    }

    java.util.concurrent.CompletableFuture<Exchange> logoutAsync(int gateway, String productKey, String deviceName) {
        return template.asyncSend("direct:logout-" + gateway, e -> e.getMessage().setBody(
                Map.of("productKey", productKey, "deviceName", deviceName)));
    }

    /** Loses the ZooKeeper session as a partitioned node would: the server keeps it until it times out. */
    void loseZooKeeperSession() throws Exception {
        curator.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    }

    @Override
    public void close() {
        try {
            camel.stop();
        } finally {
            if (curator != null) {
                curator.close();
            }
        }
    }
}
