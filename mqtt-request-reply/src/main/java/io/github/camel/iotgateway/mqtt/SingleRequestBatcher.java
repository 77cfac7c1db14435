package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.function.Consumer;

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
 * {@code batchSize} items, or when no item has joined it for {@code batchTimeoutMillis}.
 * <p>
 * The Aggregator completes each exchange it is given at once, so callers do not give it their own exchange: each item
 * is carried by a throw-away exchange, and the caller's exchange and callback stay inside the item until the batch's
 * reply ends them. Every item offered reaches exactly one batch, also when the batcher stops (the open batch is handed
 * on, not dropped).
 *
 * @param <T> the item: a request together with whatever completes its caller
 */
public final class SingleRequestBatcher<T> extends ServiceSupport {

    private final CamelContext camelContext;
    private final String name;
    private final int batchSize;
    private final long batchTimeoutMillis;
    private final Consumer<List<T>> batchHandler;
    private AggregateProcessor aggregator;

    public SingleRequestBatcher(
            CamelContext camelContext, String name, int batchSize, long batchTimeoutMillis, Consumer<List<T>> batchHandler) {
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
        this.batchHandler = batchHandler;
    }

    /**
     * Adds an item to the open batch; may hand the batch on, on this thread, when it is full.
     *
     * @throws IllegalStateException when the batcher is not running or the aggregator refused the item
     */
    public void offer(T item) {
        if (!isRunAllowed()) {
            throw new IllegalStateException("batcher " + name + " is not running");
        }
        Exchange carrier = new DefaultExchange(camelContext);
        carrier.getIn().setBody(item);
        aggregator.process(carrier, doneSync -> {
        });
        if (carrier.getException() != null) {
            throw new IllegalStateException("batcher " + name + " refused an item: " + carrier.getException().getMessage(),
                    carrier.getException());
        }
    }

    @Override
    protected void doStart() throws Exception {
        aggregator = new AggregateProcessor(camelContext,
                new BatchOutput(),
                new ExpressionAdapter() {
                    @Override
                    public Object evaluate(Exchange exchange) {
                        // one open batch per batcher: the batcher itself is per gateway and operation
                        return name;
                    }
                },
                new GroupedBodyAggregationStrategy(),
                // hand the completed batch on in the completing thread; the handler only publishes
                new SynchronousExecutorService(), true);
        aggregator.setCompletionSize(batchSize);
        aggregator.setCompletionTimeout(batchTimeoutMillis);
        // the checker's default period is 1 s, which would stretch a short batchTimeout
        aggregator.setCompletionTimeoutCheckerInterval(Math.max(1, Math.min(1000, batchTimeoutMillis / 4)));
        aggregator.setForceCompletionOnStop(true);
        aggregator.setId("batcher-" + name);
        ServiceHelper.startService(aggregator);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(aggregator);
    }

    /** Receives the aggregated exchange, whose body the grouping strategy made a List of the items. */
    private final class BatchOutput extends AsyncProcessorSupport {
        @Override
        @SuppressWarnings("unchecked")
        public boolean process(Exchange exchange, AsyncCallback callback) {
            try {
                batchHandler.accept((List<T>) exchange.getIn().getBody(List.class));
            } catch (RuntimeException e) {
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }
    }
}
