package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
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
 * Log the sub-devices behind an Alibaba Cloud IoT Platform gateway in and out (Alink sub-device sessions) over the
 * gateway's one MQTT connection.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "alink-session", title = "Alink Session",
             syntax = "alink-session:operation", producerOnly = true, category = { Category.IOT, Category.MESSAGING },
             headersClass = AlinkSessionConstants.class)
public class AlinkSessionEndpoint extends DefaultEndpoint {

    /** The session operation: login, logout, batchLogin or batchLogout. */
    @UriPath(enums = "login,logout,batchLogin,batchLogout")
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
        return new AlinkSessionProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("alink-session is a producer only: the platform answers our requests");
    }

    @Override
    public AlinkSessionComponent getComponent() {
        return (AlinkSessionComponent) super.getComponent();
    }

    public SessionOperation operation() {
        return SessionOperation.fromName(operation);
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
