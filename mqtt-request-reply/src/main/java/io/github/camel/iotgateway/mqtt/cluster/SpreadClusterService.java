package io.github.camel.iotgateway.mqtt.cluster;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelPreemptiveClusterService;
import org.apache.camel.support.cluster.RebalancingCamelClusterService;

/**
 * Spreads gateways over the nodes of a cluster: camel-support's {@link RebalancingCamelClusterService} over any Camel
 * cluster service, made preemptive where it is not ({@link PreemptiveClusterService}). With N clustered gateways (one
 * namespace each) on M nodes, each node leads about N/M of them; when a node goes, its gateways move to the others.
 * <p>
 * For camel-main: {@code camel.beans.gateways = #class:io.github.camel.iotgateway.mqtt.cluster.SpreadClusterService}
 * and {@code camel.beans.gateways.cluster = #bean:zookeeper}.
 */
public class SpreadClusterService extends RebalancingCamelClusterService {

    /** How often a node compares what it leads with its share, by default. */
    public static final long DEFAULT_PERIOD_MILLIS = 2000;

    /** For a bean whose cluster is set afterwards ({@link #setCluster}), rebalancing every 2 s. */
    public SpreadClusterService() {
        super(new PreemptiveClusterService(null), DEFAULT_PERIOD_MILLIS);
    }

    public SpreadClusterService(CamelClusterService cluster) {
        this(cluster, DEFAULT_PERIOD_MILLIS);
    }

    public SpreadClusterService(CamelClusterService cluster, long periodMillis) {
        super(preemptive(cluster), periodMillis);
    }

    /** The cluster service whose leadership is spread: ZooKeeper's, Kubernetes', ... */
    public void setCluster(CamelClusterService cluster) {
        setDelegate(preemptive(cluster));
        if (getCamelContext() != null) {
            getDelegate().setCamelContext(getCamelContext());
        }
    }

    private static CamelPreemptiveClusterService preemptive(CamelClusterService cluster) {
        return cluster instanceof CamelPreemptiveClusterService preemptive
                ? preemptive : new PreemptiveClusterService(cluster);
    }
}
