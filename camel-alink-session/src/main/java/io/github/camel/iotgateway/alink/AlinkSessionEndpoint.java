package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Log the sub-devices behind an Alibaba Cloud IoT Platform gateway in and out (Alink sub-device sessions), and attach
 * them to the gateway (topology), over the gateway's one MQTT connection.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "alink-session", title = "Alink Session",
             syntax = "alink-session:operation", category = { Category.IOT, Category.MESSAGING },
             headersClass = AlinkSessionConstants.class)
public class AlinkSessionEndpoint extends DefaultEndpoint {

    static final String EVENTS = "events";

    /**
     * The operation: login, logout, batchLogin or batchLogout (sessions), addTopology, deleteTopology or getTopology
     * (the gateway's topology, which a sub-device needs before it logs in) as a producer; or events (consumer of what
     * the platform pushes: sub-devices forced offline, session errors, topology changes).
     */
    @UriPath(enums = "login,logout,batchLogin,batchLogout,addTopology,deleteTopology,getTopology,events")
    @Metadata(required = true)
    private String operation;

    @UriParam
    private AlinkSessionConfiguration configuration;

    public AlinkSessionEndpoint(String uri, AlinkSessionComponent component, String operation,
                                AlinkSessionConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        if (isEvents()) {
            throw new UnsupportedOperationException("alink-session:events is a consumer: the platform sends the events");
        }
        return topologyOperation() != null ? new AlinkTopologyProducer(this) : new AlinkSessionProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!isEvents()) {
            throw new UnsupportedOperationException("alink-session:" + operation + " is a producer; consume"
                                                    + " alink-session:events to receive what the platform pushes");
        }
        AlinkSessionConsumer consumer = new AlinkSessionConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Whether this is the consumer of the platform's pushes. */
    public boolean isEvents() {
        return EVENTS.equals(operation);
    }

    @Override
    public AlinkSessionComponent getComponent() {
        return (AlinkSessionComponent) super.getComponent();
    }

    public SessionOperation operation() {
        return SessionOperation.fromName(operation);
    }

    /** The topology operation this endpoint names, or {@code null} for a session operation or events. */
    public TopologyOperation topologyOperation() {
        return TopologyOperation.fromEndpointName(operation);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public AlinkSessionConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AlinkSessionConfiguration configuration) {
        this.configuration = configuration;
    }
}
