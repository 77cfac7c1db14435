package io.github.camel.iotgateway.mqtt;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an exchange of the gateway components ends, in the shape of camel-kafka's
 * {@code KafkaProducerCallBack}: a counted completion over the requests that carry the exchange (one for a single
 * device, the batch message for a member of an aggregated batch, one per chunk for a List). Each part ends once: its
 * first outcome counts and any later call for it is ignored and counted. When the last part has ended, the finisher
 * writes the exchange from all outcomes, in part order, and {@code callback.done(false)} runs exactly once.
 * <p>
 * The core ends parts on its own worker threads or on the caller's thread (a request refused before publishing), never
 * on an MQTT library thread; should one ever end a part, the continuation is handed to a worker first.
 */
public final class ExchangeCompletion {

    /** Writes the exchange from the outcomes of its parts; may throw, the exchange then fails with that. */
    @FunctionalInterface
    public interface Finisher {
        void finish(Exchange exchange, List<RequestOutcome> outcomes) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeCompletion.class);
    /** Calls that came for a part that had already ended, JVM-wide: a test of "exactly once" reads it. */
    private static final LongAdder SECOND_ENDINGS = new LongAdder();

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final Finisher finisher;
    private final AtomicReferenceArray<RequestOutcome> outcomes;
    private final AtomicInteger remaining;

    public ExchangeCompletion(Exchange exchange, AsyncCallback callback, int parts, Finisher finisher) {
        if (parts < 1) {
            throw new IllegalArgumentException("an exchange is carried by at least one request");
        }
        this.exchange = exchange;
        this.callback = callback;
        this.finisher = finisher;
        this.outcomes = new AtomicReferenceArray<>(parts);
        this.remaining = new AtomicInteger(parts);
    }

    /** A completion carried by one request. */
    public static ExchangeCompletion single(Exchange exchange, AsyncCallback callback, Finisher finisher) {
        return new ExchangeCompletion(exchange, callback, 1, finisher);
    }

    public Exchange exchange() {
        return exchange;
    }

    public int parts() {
        return outcomes.length();
    }

    /**
     * Ends part {@code index} with its outcome.
     *
     * @return {@code false} when the part had already ended: this call changed nothing
     */
    public boolean partEnded(int index, RequestOutcome outcome) {
        if (!outcomes.compareAndSet(index, null, outcome)) {
            SECOND_ENDINGS.increment();
            LOG.debug("Part {} of exchange {} had already ended; ignored {}", index, exchange.getExchangeId(), outcome);
            return false;
        }
        if (remaining.decrementAndGet() == 0) {
            finish();
        }
        return true;
    }

    /** Ends every part that has not ended yet with {@code cause}; parts that ended keep their outcome. */
    public void failRemaining(Exception cause) {
        for (int i = 0; i < outcomes.length(); i++) {
            if (outcomes.get(i) == null) {
                partEnded(i, RequestOutcome.failed(null, cause));
            }
        }
    }

    public boolean isDone() {
        return remaining.get() == 0;
    }

    /** Calls, JVM-wide since start, that tried to end a part a second time (and were ignored). */
    public static long secondEndings() {
        return SECOND_ENDINGS.sum();
    }

    private void finish() {
        RequestOutcome[] all = new RequestOutcome[outcomes.length()];
        for (int i = 0; i < all.length; i++) {
            all[i] = outcomes.get(i);
        }
        try {
            finisher.finish(exchange, Arrays.asList(all));
        } catch (Exception | LinkageError e) {
            exchange.setException(e instanceof Exception ex ? ex
                    : new IllegalStateException("writing the outcome failed: " + e, e));
        } finally {
            GatewayThreads.continueOffLibraryThread(() -> callback.done(false));
        }
    }
}
