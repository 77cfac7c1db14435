package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.AggregateProcessor;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

/**
 * Gathers single-device requests into batches with Camel's Aggregator EIP: a batch is handed on when it holds
 * {@code batchSize} items, or at most {@code batchTimeoutMillis} after its first item came (the way Kafka's
 * {@code linger.ms} bounds a record's wait). Items with different timeouts go in different batches, so each exchange
 * waits for its reply exactly as long as its endpoint says.
 * <p>
 * The bound is kept by one one-shot timer task per batcher, scheduled only while items wait, instead of the
 * Aggregator's completion-timeout checker, which polls every few milliseconds for as long as the batcher lives: a
 * thousand idle gateways would keep a core busy polling empty batches.
 * <p>
 * Told whether the gateway has requests on the wire, batching costs nothing when idle, the way Nagle's algorithm (or
 * Kafka's {@code linger.ms=0}) batches under load only: an item that finds nothing of its gateway on the wire is handed
 * on at once, and items that arrive while requests are on the wire gather until the wire goes quiet
 * ({@link #wireIdle()}), the batch is full, or {@code batchTimeoutMillis} passed, whichever comes first.
 * <p>
 * The Aggregator completes each exchange it is given at once, so callers do not give it their own exchange: each item
 * is carried by a throw-away exchange, and the caller's exchange stays inside the item until the batch's reply ends it.
 * <p>
 * Stop semantics, every item ends exactly once:
 * <ul>
 * <li>{@link #flush()} (the CamelContext begins to stop) hands every open batch on at once, to be published;</li>
 * <li>{@link #stop()} ends the items still in an open batch with {@link GatewayStoppedException}: nothing of them is
 * published;</li>
 * <li>an item offered while the CamelContext is stopping goes on at once, alone; one offered after stop fails;</li>
 * <li>a batch handler that throws fails every item of its batch with that exception.</li>
 * </ul>
 *
 * @param <R> what the protocol puts on the wire for one device
 */
public final class SingleRequestBatcher<R> extends ServiceSupport {

    /** Publishes one batch; each item's exchange then ends through its completion. */
    @FunctionalInterface
    public interface BatchSender<R> {
        void send(List<BatchItem<R>> batch, long timeoutMillis);
    }

    private final CamelContext camelContext;
    private final String name;
    private final int batchSize;
    private final long batchTimeoutMillis;
    private final BatchSender<R> sender;
    private final Supplier<ScheduledExecutorService> timeoutChecker;
    private final BooleanSupplier wireQuiet;
    private volatile boolean draining;
    private final AtomicBoolean lingerScheduled = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private boolean ownTimer;
    /** Where a due linger sends its batches: not on the timer, whose thread the whole component shares. */
    private volatile Executor flushExecutor = Runnable::run;
    /** Told the size of every batch handed on: the gateway's metrics. */
    private volatile GatewayObserver observer;
    private AggregateProcessor aggregator;

    /**
     * @param timeoutChecker gives, at start, the scheduler of batch completions, shared with the gateway's request
     *                       timeouts; may give {@code null} for one of the batcher's own
     */
    public SingleRequestBatcher(CamelContext camelContext, String name, int batchSize, long batchTimeoutMillis,
                                Supplier<ScheduledExecutorService> timeoutChecker, BatchSender<R> sender) {
        this(camelContext, name, batchSize, batchTimeoutMillis, timeoutChecker, null, sender);
    }

    /**
     * @param wireQuiet whether nothing of the gateway awaits its reply or the pace; {@code null} gathers every item
     *                  for up to batchTimeout, as a plain Aggregator does
     */
    public SingleRequestBatcher(CamelContext camelContext, String name, int batchSize, long batchTimeoutMillis,
                                Supplier<ScheduledExecutorService> timeoutChecker, BooleanSupplier wireQuiet,
                                BatchSender<R> sender) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (batchTimeoutMillis < 1) {
            throw new IllegalArgumentException("batchTimeout must be at least 1 ms");
        }
        this.camelContext = camelContext;
        this.name = name;
        this.batchSize = batchSize;
        this.batchTimeoutMillis = batchTimeoutMillis;
        this.timeoutChecker = timeoutChecker;
        this.wireQuiet = wireQuiet;
        this.sender = sender;
    }

    /**
     * Adds an item to the open batch of its timeout; may hand the batch on, on this thread, when it is full. Never
     * throws: an item that cannot join a batch ends at once with the reason.
     */
    public void offer(BatchItem<R> item) {
        if (!isRunAllowed() || draining) {
            item.fail(new GatewayStoppedException("batcher " + name + " is stopped; nothing was published"));
            return;
        }
        if (camelContext.isStopping()) {
            // the open batches were flushed when the stop began: do not start a new one that waits for batchTimeout
            sendBatch(List.of(item));
            return;
        }
        if (wireQuiet() && nothingGathered()) {
            // nothing of the gateway on the wire and nothing gathered: it would leave the Aggregator at once, alone
            sendBatch(List.of(item));
            return;
        }
        Exchange carrier = new DefaultExchange(camelContext);
        carrier.getIn().setBody(item);
        aggregator.process(carrier, doneSync -> {
        });
        if (carrier.getException() != null) {
            item.fail(carrier.getException());
            return;
        }
        // checked after the item joined its batch: had the wire gone quiet just before, its wireIdle() found the
        // batch without this item
        wireIdle();
        scheduleLinger();
    }

    /** Nothing of the gateway awaits its reply or the pace; always false when the batcher was not told. */
    private boolean wireQuiet() {
        return wireQuiet != null && wireQuiet.getAsBoolean();
    }

    private boolean nothingGathered() {
        Set<String> open = aggregator.getAggregationRepository().getKeys();
        return open == null || open.isEmpty();
    }

    /** Hands the open batches on at most batchTimeout from now, unless a flush is already due. */
    private void scheduleLinger() {
        if (!lingerScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.schedule(() -> flushExecutor.execute(this::lingerDue), batchTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the gateway is stopping: its stop ends what waits
            lingerScheduled.set(false);
        }
    }

    /**
     * The gateway's wire is quiet: hands every open batch on now instead of waiting out batchTimeout. A no-op while
     * requests are on the wire, or when the batcher is not told whether it is quiet.
     */
    public void wireIdle() {
        if (wireQuiet() && isStarted() && camelContext.getStatus().isStarted()) {
            aggregator.forceCompletionOfAllGroups();
        }
    }

    /**
     * Runs the batches' sends (and so what their exchanges do if a send fails at once) on this executor instead of
     * the timer's thread; the gateway's workers.
     */
    public void setFlushExecutor(Executor executor) {
        this.flushExecutor = executor;
    }

    /** Tells {@code observer} the size of every batch handed on to be published. */
    public void setObserver(GatewayObserver observer) {
        this.observer = observer;
    }

    private void lingerDue() {
        lingerScheduled.set(false);
        if (!isStarted()) {
            return;
        }
        if (!camelContext.getStatus().isStarted() && !camelContext.getStatus().isStopping()) {
            // the context is still starting (or suspended): the Aggregator would not hand anything on yet
            scheduleLinger();
            return;
        }
        flush();
    }

    /** Hands every open batch on now, to be published. */
    public void flush() {
        // the Aggregator refuses (and warns) unless the context runs or stops: a context whose start failed has no
        // batch worth sending
        if (aggregator != null && isStarted()
            && (camelContext.getStatus().isStarted() || camelContext.getStatus().isStopping())) {
            aggregator.forceCompletionOfAllGroups();
        }
    }

    @Override
    protected void doStart() throws Exception {
        draining = false;
        lingerScheduled.set(false);
        aggregator = new AggregateProcessor(camelContext,
                new BatchOutput(),
                new BatchKey(),
                new GroupedBodyAggregationStrategy(),
                // hand the completed batch on in the completing thread; the handler only publishes
                new SynchronousExecutorService(), true);
        aggregator.setCompletionSize(batchSize);
        ScheduledExecutorService shared = timeoutChecker == null ? null : timeoutChecker.get();
        if (shared != null) {
            timer = shared;
        } else {
            timer = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "batcher-" + name);
            ownTimer = true;
        }
        aggregator.setId("batcher-" + name);
        ServiceHelper.startService(aggregator);
    }

    @Override
    protected void doStop() throws Exception {
        // Camel force-completes open groups in prepareShutdown, which it calls on route processors only, never on
        // ours: end what is still open here, before anything of it is published
        draining = true;
        try {
            if (aggregator != null) {
                aggregator.forceCompletionOfAllGroups();
            }
        } finally {
            ServiceHelper.stopService(aggregator);
            if (ownTimer) {
                camelContext.getExecutorServiceManager().shutdownNow(timer);
                ownTimer = false;
            }
        }
    }

    private void sendBatch(List<BatchItem<R>> batch) {
        if (draining) {
            GatewayStoppedException stopped = new GatewayStoppedException("batcher " + name
                                                                          + " stopped before the batch was sent;"
                                                                          + " nothing was published");
            batch.forEach(item -> item.fail(stopped));
            return;
        }
        GatewayObserver sizes = observer;
        if (sizes != null) {
            sizes.batchSent(batch.size());
        }
        try {
            sender.send(batch, batch.get(0).timeoutMillis());
        } catch (RuntimeException | LinkageError e) {
            Exception cause = e instanceof RuntimeException re ? re : new IllegalStateException(e.toString(), e);
            batch.forEach(item -> item.fail(cause));
        }
    }

    /**
     * The correlation key: one open batch per timeout, the batcher itself being per gateway and operation. Nearly every
     * item of an endpoint has the same timeout, so the last key is kept rather than made anew for each item.
     */
    private static final class BatchKey extends ExpressionAdapter {
        /** The last timeout and its key, as one object so that threads see them together. */
        private volatile Key last = new Key(Long.MIN_VALUE, null);

        private record Key(long timeoutMillis, String text) {
        }

        @Override
        public Object evaluate(Exchange exchange) {
            long timeout = ((BatchItem<?>) exchange.getIn().getBody()).timeoutMillis();
            Key key = last;
            if (key.timeoutMillis != timeout) {
                key = new Key(timeout, String.valueOf(timeout));
                last = key;
            }
            return key.text;
        }
    }

    /** Receives the aggregated exchange, whose body the grouping strategy made a List of the items. */
    private final class BatchOutput extends AsyncProcessorSupport {
        @Override
        @SuppressWarnings("unchecked")
        public boolean process(Exchange exchange, AsyncCallback callback) {
            sendBatch((List<BatchItem<R>>) exchange.getIn().getBody(List.class));
            callback.done(true);
            return true;
        }
    }
}
