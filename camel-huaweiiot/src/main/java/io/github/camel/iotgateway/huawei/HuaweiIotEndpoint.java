package io.github.camel.iotgateway.huawei;

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
 * Manage the child devices behind a Huawei Cloud IoTDA gateway (add, delete, report status) and receive the platform's
 * child-device events, over the gateway's one MQTT connection.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "huaweiiot", title = "Huawei IoTDA Gateway",
             syntax = "huaweiiot:operation", category = { Category.IOT, Category.MESSAGING },
             headersClass = HuaweiIotConstants.class)
public class HuaweiIotEndpoint extends DefaultEndpoint {

    /**
     * The operation: deleteSubDevice, addSubDevice or updateSubDeviceStatus (producer), or events (consumer of the
     * platform's events that answer no request, such as add_sub_device_notify).
     */
    @UriPath(enums = "deleteSubDevice,addSubDevice,updateSubDeviceStatus,events")
    @Metadata(required = true)
    private String operation;

    @UriParam
    private HuaweiIotConfiguration configuration;

    public HuaweiIotEndpoint(String uri, HuaweiIotComponent component, String operation,
                             HuaweiIotConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        if (!operation().isProducer()) {
            throw new UnsupportedOperationException("huaweiiot:events is a consumer: the platform sends the events");
        }
        return new HuaweiIotProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation().isProducer()) {
            throw new UnsupportedOperationException("huaweiiot:" + operation + " is a producer; consume huaweiiot:events"
                                                    + " to receive the platform's events");
        }
        HuaweiIotConsumer consumer = new HuaweiIotConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public HuaweiIotComponent getComponent() {
        return (HuaweiIotComponent) super.getComponent();
    }

    public HuaweiIotOperation operation() {
        return HuaweiIotOperation.fromName(operation);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public HuaweiIotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HuaweiIotConfiguration configuration) {
        this.configuration = configuration;
    }
}
