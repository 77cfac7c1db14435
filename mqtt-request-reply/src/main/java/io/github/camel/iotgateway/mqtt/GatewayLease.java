package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.Callable;

/**
 * An endpoint's hold on its gateway's client, from its producer's (or consumer's) start to its stop. Should the
 * component be restarted meanwhile (its gateways stopped under the endpoint), the next use takes the gateway again
 * instead of sending into a stopped one.
 *
 * @param <C> the component's per-gateway client
 */
public final class GatewayLease<C extends GatewayClientSupport> {

    private final GatewayComponentSupport<C> component;
    private final Callable<C> acquire;
    private volatile C client;
    private volatile boolean held;

    /** @param acquire takes the endpoint's gateway from the component (shared-option checks included) */
    public GatewayLease(GatewayComponentSupport<C> component, Callable<C> acquire) {
        this.component = component;
        this.acquire = acquire;
    }

    /** Takes the gateway: the producer or consumer starts. */
    public synchronized C acquire() throws Exception {
        client = acquire.call();
        held = true;
        return client;
    }

    /**
     * The running client of the gateway, taken again when the component was restarted under this lease.
     *
     * @throws GatewayStoppedException when the lease was released (the producer stopped)
     */
    public C current() throws Exception {
        C running = client;
        if (held && running != null && running.isRunAllowed()) {
            return running;
        }
        return retake();
    }

    private synchronized C retake() throws Exception {
        if (!held) {
            throw new GatewayStoppedException("the endpoint's producer is stopped; nothing was published");
        }
        if (!client.isRunAllowed()) {
            client = acquire.call();
        }
        return client;
    }

    /** Lets go of the gateway: the producer or consumer stops. The last endpoint to let go stops the gateway. */
    public synchronized void release() {
        if (held) {
            held = false;
            component.releaseClient(client);
        }
    }
}
