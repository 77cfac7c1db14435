package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * What a consumer of a gateway's platform notices does, whatever the cloud: from start to stop it holds the gateway,
 * listens to its notices (one at a time, in arrival order, on the connection's notice lane, never an MQTT thread) and
 * tells Camel's consumer health check whether the gateway is connected. A component's consumer only turns a notice into
 * exchanges.
 *
 * @param <C> the component's per-gateway client
 */
public abstract class GatewayNoticeConsumerSupport<C extends GatewayClientSupport> extends DefaultConsumer {

    private final Consumer<InboundMessage> listener = this::deliver;
    private GatewayLease<C> gateway;
    private C client;

    protected GatewayNoticeConsumerSupport(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** The endpoint's component, which the gateway is taken from and given back to. */
    protected abstract GatewayComponentSupport<C> component();

    /** Takes the endpoint's gateway from its component (shared-option checks included). */
    protected abstract Callable<C> acquire();

    /** One notice of the platform; called in arrival order, only while the consumer runs. */
    protected abstract void onNotice(InboundMessage notice);

    private void deliver(InboundMessage notice) {
        if (isRunAllowed()) {
            onNotice(notice);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        gateway = new GatewayLease<>(component(), acquire());
        client = gateway.acquire();
        client.connection().addNoticeListener(listener);
        // Camel's consumer health check consumer:<routeId> (camel.health.consumersEnabled) asks this: ready while the
        // gateway is connected
        GatewayHealthCheck readiness = GatewayHealthCheck.forConsumer(client.connection(), getRouteId());
        readiness.setCamelContext(getEndpoint().getCamelContext());
        setHealthCheck(readiness);
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.connection().removeNoticeListener(listener);
            gateway.release();
            client = null;
        }
        super.doStop();
    }
}
