package io.github.camel.iotgateway.mqtt;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * A producer of a gateway component: it holds a lease on its gateway's client while it runs, so that its gateway is
 * taken again after a component restart and let go when the last of its producers stops.
 *
 * @param <C> the component's per-gateway client
 */
public abstract class GatewayProducerSupport<C extends GatewayClientSupport> extends DefaultAsyncProducer {

    private GatewayLease<C> gateway;

    protected GatewayProducerSupport(Endpoint endpoint) {
        super(endpoint);
    }

    /** The component whose gateways this producer uses. */
    protected abstract GatewayComponentSupport<C> gatewayComponent();

    /** Takes this producer's gateway from its component (shared with every endpoint naming it). */
    protected abstract C acquireGateway() throws Exception;

    /**
     * The gateway's client now. An exchange may end after this producer stopped and let go of it: the exchange holds
     * on to the client it went to. Takes the gateway again when the component restarted meanwhile.
     */
    protected C gateway() throws Exception {
        return gateway.current();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        gateway = new GatewayLease<>(gatewayComponent(), this::acquireGateway);
        gateway.acquire();
    }

    @Override
    protected void doStop() throws Exception {
        if (gateway != null) {
            gateway.release();
        }
        super.doStop();
    }
}
