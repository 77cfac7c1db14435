package io.github.camel.iotgateway.mqtt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
 * <p>
 * A protocol's single-request exchange may extend it, carrying what its own {@link #finish} needs, so an exchange
 * waiting for its reply holds one object of the component rather than a completion, a finisher and their captures.
 */
public class ExchangeCompletion {

    /** Writes the exchange from the outcomes of its parts; may throw, the exchange then fails with that. */
    @FunctionalInterface
    public interface Finisher {
        void finish(Exchange exchange, List<RequestOutcome> outcomes) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeCompletion.class);
    /** Calls that came for a part that had already ended, JVM-wide: a test of "exactly once" reads it. */
    private static final LongAdder SECOND_ENDINGS = new LongAdder();

    private static final VarHandle REMAINING;

    static {
        try {
            REMAINING = MethodHandles.lookup().findVarHandle(ExchangeCompletion.class, "remaining", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final Finisher finisher;
    /**
     * The outcomes of the parts that ended, for an exchange of several parts; {@code null} for one part, whose outcome
     * goes to the finisher as it comes: most exchanges are single requests, and each waits with nothing but this.
     */
    private final AtomicReferenceArray<RequestOutcome> outcomes;
    /** Parts not ended yet; through {@link #REMAINING}. */
    private volatile int remaining;

    public ExchangeCompletion(Exchange exchange, AsyncCallback callback, int parts, Finisher finisher) {
        if (parts < 1) {
            throw new IllegalArgumentException("an exchange is carried by at least one request");
        }
        this.exchange = exchange;
        this.callback = callback;
        this.finisher = Objects.requireNonNull(finisher, "finisher");
        this.outcomes = parts == 1 ? null : new AtomicReferenceArray<>(parts);
        this.remaining = parts;
    }

    /** A completion carried by one request, whose subclass writes the exchange in {@link #finish}. */
    protected ExchangeCompletion(Exchange exchange, AsyncCallback callback) {
        this.exchange = exchange;
        this.callback = callback;
        this.finisher = null;
        this.outcomes = null;
        this.remaining = 1;
    }

    /** A completion carried by one request. */
    public static ExchangeCompletion single(Exchange exchange, AsyncCallback callback, Finisher finisher) {
        return new ExchangeCompletion(exchange, callback, 1, finisher);
    }

    public Exchange exchange() {
        return exchange;
    }

    public int parts() {
        return outcomes == null ? 1 : outcomes.length();
    }

    /**
     * Ends part {@code index} with its outcome.
     *
     * @return {@code false} when the part had already ended: this call changed nothing
     */
    public boolean partEnded(int index, RequestOutcome outcome) {
        if (outcomes == null) {
            if (index != 0) {
                throw new IndexOutOfBoundsException("part " + index + " of an exchange of one part");
            }
            if (!REMAINING.compareAndSet(this, 1, 0)) {
                return secondEnding(index, outcome);
            }
            end(List.of(outcome));
            return true;
        }
        if (!outcomes.compareAndSet(index, null, outcome)) {
            return secondEnding(index, outcome);
        }
        if ((int) REMAINING.getAndAdd(this, -1) == 1) {
            RequestOutcome[] all = new RequestOutcome[outcomes.length()];
            for (int i = 0; i < all.length; i++) {
                all[i] = outcomes.get(i);
            }
            end(Arrays.asList(all));
        }
        return true;
    }

    /** Ends every part that has not ended yet with {@code cause}; parts that ended keep their outcome. */
    public void failRemaining(Exception cause) {
        for (int i = 0; i < parts(); i++) {
            if (outcomes == null ? remaining > 0 : outcomes.get(i) == null) {
                partEnded(i, RequestOutcome.failed(null, cause));
            }
        }
    }

    public boolean isDone() {
        return remaining == 0;
    }

    /** Calls, JVM-wide since start, that tried to end a part a second time (and were ignored). */
    public static long secondEndings() {
        return SECOND_ENDINGS.sum();
    }

    private boolean secondEnding(int index, RequestOutcome outcome) {
        SECOND_ENDINGS.increment();
        LOG.debug("Part {} of exchange {} had already ended; ignored {}", index, exchange.getExchangeId(), outcome);
        return false;
    }

    /**
     * Writes the exchange from the outcomes of its parts, in part order, once the last has ended; may throw, the
     * exchange then fails with that. The finisher given at construction, unless a subclass says otherwise.
     */
    protected void finish(Exchange exchange, List<RequestOutcome> outcomes) throws Exception {
        finisher.finish(exchange, outcomes);
    }

    private void end(List<RequestOutcome> all) {
        try {
            finish(exchange, all);
        } catch (Exception | LinkageError e) {
            exchange.setException(e instanceof Exception ex ? ex
                    : new IllegalStateException("writing the outcome failed: " + e, e));
        } finally {
            GatewayThreads.continueOffLibraryThread(() -> callback.done(false));
        }
    }
}
