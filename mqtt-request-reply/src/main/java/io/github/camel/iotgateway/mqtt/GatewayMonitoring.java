package io.github.camel.iotgateway.mqtt;

import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.spi.ManagementStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operations see of one gateway connection while its client runs, each only where the application has it: its
 * Micrometer meters when a {@code MeterRegistry} is in the Camel registry (and Micrometer on the class path), and its
 * MBean when JMX is on (camel-management). Neither is required: without them this does nothing.
 * <p>
 * The Micrometer code lives in {@link GatewayMeters}, which is loaded only once a registry was found, so the core runs
 * without micrometer-core on the class path.
 */
final class GatewayMonitoring {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayMonitoring.class);
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private final GatewayConnection connection;
    private final Runnable unbindMeters;
    private final ManagementAgent agent;
    private final ObjectName mbeanName;

    private GatewayMonitoring(GatewayConnection connection, Runnable unbindMeters, ManagementAgent agent,
                              ObjectName mbeanName) {
        this.connection = connection;
        this.unbindMeters = unbindMeters;
        this.agent = agent;
        this.mbeanName = mbeanName;
    }

    static GatewayMonitoring start(CamelContext camelContext, GatewayConnection connection) {
        Runnable unbind = null;
        if (camelContext.getClassResolver().resolveClass(METER_REGISTRY) != null) {
            unbind = GatewayMeters.bind(camelContext, connection);
        }
        ManagementStrategy management = camelContext.getManagementStrategy();
        ManagementAgent agent = management == null ? null : management.getManagementAgent();
        ObjectName name = null;
        if (agent != null && management.getManagementObjectNameStrategy() != null) {
            try {
                name = ManagedGatewayConnection.objectName(camelContext, agent, connection);
                agent.register(new ManagedGatewayConnection(connection), name);
            } catch (Exception e) {
                // JMX is for operations: a gateway without its MBean still serves
                LOG.warn("Gateway {}: could not register its MBean: {}", connection.displayName(), e.toString());
                name = null;
            }
        }
        return new GatewayMonitoring(connection, unbind, name == null ? null : agent, name);
    }

    /** Removes the meters and the MBean: the gateway's client stopped. */
    void stop() {
        if (unbindMeters != null) {
            unbindMeters.run();
        }
        if (agent != null) {
            try {
                agent.unregister(mbeanName);
            } catch (Exception e) {
                LOG.debug("Gateway {}: could not unregister its MBean: {}", connection.displayName(), e.toString());
            }
        }
    }
}
