package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What every gateway client of a component does, in the shape of camel-jms's {@code ReplyManagerSupport}: owns the
 * gateway's one connection and its batchers, publishes requests and hands each outcome over exactly once, sends a List
 * in chunks onto one {@link ExchangeCompletion}, and stops in order. A component's client adds only its protocol:
 * payloads, batching rules, and how an outcome reads for each device.
 * <p>
 * Stop: the batchers stop first (open batches end with {@link GatewayStoppedException}, nothing of them published),
 * then the connection (requests waiting for a reply end with {@link GatewayNotConnectedException}).
 */
public abstract class GatewayClientSupport extends ServiceSupport {

    /** Publishes one chunk of a List and hands its outcome to {@code done}. */
    @FunctionalInterface
    public interface ChunkSender<E> {
        void send(List<E> chunk, Consumer<RequestOutcome> done);
    }

    protected final CamelContext camelContext;
    private final GatewayConnection connection;
    private final List<SingleRequestBatcher<?>> batchers = new ArrayList<>();
    private GatewayMonitoring monitoring;

    protected GatewayClientSupport(CamelContext camelContext, GatewayConnection connection) {
        this.camelContext = camelContext;
        this.connection = connection;
    }

    public GatewayConnection connection() {
        return connection;
    }

    /**
     * A batcher that starts after the connection and stops before it, and costs nothing when idle: a request that finds
     * nothing of the gateway on the wire goes at once; those that come meanwhile gather until the wire goes quiet.
     */
    protected <R> SingleRequestBatcher<R> newBatcher(String name, int batchSize, long batchTimeoutMillis,
            SingleRequestBatcher.BatchSender<R> sender) {
        SingleRequestBatcher<R> batcher = new SingleRequestBatcher<>(camelContext, connection.displayName() + "#" + name,
                batchSize, batchTimeoutMillis, connection::timer, connection::isWireQuiet, sender);
        batcher.setFlushExecutor(connection::runOnWorker);
        batcher.setObserver(connection.metrics());
        batchers.add(batcher);
        connection.addIdleListener(batcher::wireIdle);
        return batcher;
    }

    /** Hands every open batch on now (the CamelContext begins to stop: do not wait out batchTimeout). */
    public void flushOpenBatches() {
        batchers.forEach(SingleRequestBatcher::flush);
    }

    /**
     * The CamelContext begins to stop: a clustered gateway gives up its leadership now, before the context stops its
     * cluster service (which lets another node lead at once). A component that keeps state for the next leader stores
     * it first (override, then call this).
     */
    public void contextStopping() {
        connection.relinquishLeadership();
    }

    /**
     * Publishes one request under a fresh key and hands its outcome to {@code handler}, exactly once: the reply, the
     * timeout, or the failure, including a request that could not be published at all (handed over at once, on this
     * thread).
     */
    public void send(Supplier<String> keys, Function<String, byte[]> payload, String topic, int qos, long timeoutMillis,
                     Consumer<RequestOutcome> handler) {
        send(keys, payload, topic, qos, timeoutMillis, 1, handler);
    }

    /** {@link #send(Supplier, Function, String, int, long, Consumer)} for a request of {@code units} sub-devices. */
    public void send(Supplier<String> keys, Function<String, byte[]> payload, String topic, int qos, long timeoutMillis,
                     int units, Consumer<RequestOutcome> handler) {
        try {
            connection.request(keys, payload, topic, qos, timeoutMillis, units, handler);
        } catch (GatewayException | RuntimeException e) {
            connection.metrics().failed(e);
            handler.accept(RequestOutcome.failed(null, e));
        }
    }

    /**
     * Sends {@code entries} in chunks of at most {@code chunkSize}, all at once; chunk {@code i} is part {@code i} of
     * the completion, which must have one part per chunk ({@link #chunkCount}).
     */
    public static <E> void sendInChunks(List<E> entries, int chunkSize, ExchangeCompletion completion,
                                        ChunkSender<E> sender) {
        List<List<E>> chunks = Chunks.of(entries, chunkSize);
        if (chunks.size() != completion.parts()) {
            throw new IllegalArgumentException(chunks.size() + " chunks for a completion of " + completion.parts()
                                               + " parts");
        }
        for (int i = 0; i < chunks.size(); i++) {
            int part = i;
            try {
                sender.send(chunks.get(i), outcome -> completion.partEnded(part, outcome));
            } catch (RuntimeException e) {
                completion.partEnded(part, RequestOutcome.failed(null, e));
            }
        }
    }

    public static int chunkCount(int entries, int chunkSize) {
        return (entries + chunkSize - 1) / chunkSize;
    }

    @Override
    protected void doStart() throws Exception {
        // meters and the MBean before the connection: they see its first connect
        monitoring = GatewayMonitoring.start(camelContext, connection);
        try {
            // a connection whose start failed has let go of everything itself
            ServiceHelper.startService(connection);
        } catch (Exception | LinkageError e) {
            monitoring.stop();
            throw e;
        }
        try {
            ServiceHelper.startService(batchers);
        } catch (Exception e) {
            ServiceHelper.stopService(batchers, connection);
            monitoring.stop();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        try {
            ServiceHelper.stopService(batchers);
        } finally {
            try {
                ServiceHelper.stopService(connection);
            } finally {
                if (monitoring != null) {
                    monitoring.stop();
                    monitoring = null;
                }
            }
        }
    }
}
