package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.concurrent.Callable;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * What both gateway components share: the table of their gateways (one client, one connection per gateway, shared by
 * the endpoints naming it), and the stop semantics around it. When the CamelContext begins to stop, every open batch
 * is sent at once, so the graceful shutdown does not wait out batchTimeout; when the component stops, every gateway
 * stops (open batches end with {@link GatewayStoppedException}, requests waiting for a reply with
 * {@link GatewayNotConnectedException}). Once the component belongs to a CamelContext, Camel masks the values of its
 * options marked secret wherever it masks a password ({@link SecretOptions}), camel-main's startup summary included.
 *
 * @param <C> the component's per-gateway client
 */
public abstract class GatewayComponentSupport<C extends GatewayClientSupport> extends DefaultComponent {

    private final Class<?> optionsClass;
    private final GatewayRegistry<C> gateways = new GatewayRegistry<>();
    private GatewayExecutors executors;
    private StartupConnects startupConnects;
    private final LifecycleStrategy flushOnStop = new LifecycleStrategySupport() {
        @Override
        public void onContextStopping(CamelContext context) {
            gateways.services().forEach(GatewayClientSupport::flushOpenBatches);
            // before Camel stops the cluster service, which hands the leadership to another node at once
            gateways.services().forEach(GatewayClientSupport::contextStopping);
        }
    };

    /** @param optionsClass the component's {@code @UriParams} configuration, whose secret options are masked */
    protected GatewayComponentSupport(Class<?> optionsClass) {
        this.optionsClass = optionsClass;
    }

    /**
     * Also when camel-main creates the component to set it up from properties: before it logs what it set.
     */
    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            SecretOptions.maskIn(context, getClass(), optionsClass);
        }
    }

    /**
     * The started client of a gateway, shared with every endpoint naming the same gateway and broker.
     *
     * @throws InvalidGatewayOptionException when the endpoint disagrees with the gateway on a gateway-wide option
     */
    protected C acquireClient(String key, SharedGatewayOptions options, Callable<C> factory) throws Exception {
        return gateways.acquire(key, options, () -> {
            C client = factory.call();
            // before it starts: the scheme names its health check and tags its meters
            client.connection().setComponentName(componentName());
            return client;
        });
    }

    /** The component's scheme, as its annotation names it. */
    public String componentName() {
        return getDefaultName() != null ? getDefaultName() : getClass().getSimpleName();
    }

    /**
     * The threads every gateway of this component runs on, made when the first gateway starts (its options size them)
     * and stopped with the component, after its gateways.
     */
    protected synchronized GatewayExecutors sharedExecutors(GatewayEndpointOptions first) {
        if (executors == null) {
            executors = GatewayExecutors.start(getCamelContext(), this, componentName(), first.getReplyThreads(),
                    first.getMaxParallelConnects(), first.getMaxReconnectsPerSecond(),
                    GatewayConnectionOptions.DEFAULT_INBOUND_QUEUE_SIZE, startupConnects);
        }
        return executors;
    }

    /** One endpoint lets go of its gateway; the last one stops it. */
    public void releaseClient(C client) {
        gateways.release(client);
    }

    /** The started clients of this component's gateways (for operations: health, metrics, consoles). */
    public List<C> gatewayClients() {
        return gateways.services();
    }

    /** How many gateway connections this component holds open. */
    public int gatewayCount() {
        return gateways.size();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        getCamelContext().addLifecycleStrategy(flushOnStop);
        startupConnects = new StartupConnects(getCamelContext());
        // once the context runs, Camel calls it at once (nothing to wait for) and gateways connect as they start
        getCamelContext().addStartupListener(startupConnects);
    }

    @Override
    protected void doStop() throws Exception {
        gateways.stopAll();
        GatewayExecutors threads;
        synchronized (this) {
            threads = executors;
            executors = null;
        }
        if (threads != null) {
            threads.stop();
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        getCamelContext().getLifecycleStrategies().remove(flushOnStop);
        super.doShutdown();
    }
}
