package io.github.camel.iotgateway.alink;

import java.util.concurrent.Callable;

import io.github.camel.iotgateway.mqtt.GatewayComponentSupport;
import io.github.camel.iotgateway.mqtt.GatewayNoticeConsumerSupport;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.alink.PlatformEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Hands each push of the platform ({@code /ext/error}, {@code thing/topo/change}) to the route as an exchange of its
 * own, in arrival order, with the sub-devices as its body and typed headers. The gateway has already followed it (the
 * online set, the change_reply) when the route sees it. Routes run on the connection's notice lane, never on Paho's.
 */
public class AlinkSessionConsumer extends GatewayNoticeConsumerSupport<AlinkSessionClient> {

    public AlinkSessionConsumer(AlinkSessionEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AlinkSessionEndpoint getEndpoint() {
        return (AlinkSessionEndpoint) super.getEndpoint();
    }

    @Override
    protected GatewayComponentSupport<AlinkSessionClient> component() {
        return getEndpoint().getComponent();
    }

    @Override
    protected Callable<AlinkSessionClient> acquire() {
        return () -> getEndpoint().getComponent().acquireClient(getEndpoint());
    }

    @Override
    protected void onNotice(InboundMessage notice) {
        if (!(notice.body() instanceof PlatformEvent event)) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(event.subDevices());
        in.setHeader(AlinkSessionConstants.EVENT_KIND, event.kind().name());
        in.setHeader(AlinkSessionConstants.EVENT_ID, event.id());
        if (event.code() != null) {
            in.setHeader(AlinkSessionConstants.CODE, event.code());
            in.setHeader(AlinkSessionConstants.MESSAGE, event.message());
        }
        if (event.status() != null) {
            in.setHeader(AlinkSessionConstants.TOPOLOGY_STATUS, event.status());
        }
        try {
            // one at a time, on the notice lane: the next push waits for this route, so the order holds
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing Alink event " + event.kind(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
