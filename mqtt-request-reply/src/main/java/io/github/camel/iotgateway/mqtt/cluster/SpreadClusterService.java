package io.github.camel.iotgateway.mqtt.cluster;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelPreemptiveClusterService;
import org.apache.camel.support.cluster.RebalancingCamelClusterService;

/**
 * Spreads gateways over the nodes of a cluster: camel-support's {@link RebalancingCamelClusterService} over any Camel
 * cluster service, made preemptive where it is not ({@link PreemptiveClusterService}). With N clustered gateways (one
 * namespace each) on M nodes, each node leads about N/M of them; when a node goes, its gateways move to the others.
 * <p>
 * For camel-main: {@code camel.beans.gateways = #class:io.github.camel.iotgateway.mqtt.cluster.SpreadClusterService(#bean:zookeeper)}.
 */
public class SpreadClusterService extends RebalancingCamelClusterService {

    /** How often a node compares what it leads with its share, by default. */
    public static final long DEFAULT_PERIOD_MILLIS = 2000;

    public SpreadClusterService(CamelClusterService delegate) {
        this(delegate, DEFAULT_PERIOD_MILLIS);
    }

    public SpreadClusterService(CamelClusterService delegate, long periodMillis) {
        super(delegate instanceof CamelPreemptiveClusterService preemptive
                ? preemptive : new PreemptiveClusterService(delegate), periodMillis);
    }
}
