package io.github.camel.iotgateway.huawei;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.mqtt.GatewayComponentSupport;
import io.github.camel.iotgateway.mqtt.GatewayNoticeConsumerSupport;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.iotda.ChildListVersion;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Hands each event the platform sends on the gateway's events/down topic that answers no request of ours (notices
 * such as add_sub_device_notify, and anything else) to the route: one exchange per services[] entry, with its paras as
 * body. The core calls in on its worker threads, never Paho's; routes are run asynchronously from there.
 */
public class HuaweiIotConsumer extends GatewayNoticeConsumerSupport<HuaweiGatewayClient> {

    public HuaweiIotConsumer(HuaweiIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public HuaweiIotEndpoint getEndpoint() {
        return (HuaweiIotEndpoint) super.getEndpoint();
    }

    @Override
    protected GatewayComponentSupport<HuaweiGatewayClient> component() {
        return getEndpoint().getComponent();
    }

    @Override
    protected Callable<HuaweiGatewayClient> acquire() {
        return () -> getEndpoint().getComponent().acquireClient(getEndpoint());
    }

    @Override
    protected void onNotice(InboundMessage notice) {
        if (!(notice.body() instanceof IotdaMessage message)) {
            return;
        }
        // the core hands out notices one service at a time, in the order they arrived
        for (ServiceEvent service : message.services()) {
            deliver(message, service);
        }
    }

    private void deliver(IotdaMessage message, ServiceEvent service) {
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        JsonNode paras = service.paras();
        in.setBody(paras == null || paras.isMissingNode() ? null : paras);
        in.setHeader(HuaweiIotConstants.EVENT_TYPE, service.eventType());
        in.setHeader(HuaweiIotConstants.EVENT_ID, service.eventId());
        in.setHeader(HuaweiIotConstants.EVENT_TIME, service.eventTime());
        in.setHeader(HuaweiIotConstants.SERVICE_ID, service.serviceId());
        in.setHeader(HuaweiIotConstants.OBJECT_DEVICE_ID, message.objectDeviceId());
        Long version = ChildListVersion.of(paras);
        if (version != null) {
            in.setHeader(HuaweiIotConstants.VERSION, version);
        }
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing IoTDA event " + service.eventType(), exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }
}
