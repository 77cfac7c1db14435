package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The correlation table of one gateway connection (camel-netty's {@code TimeoutCorrelationManagerSupport}): requests
 * waiting for their reply, keyed by the protocol's correlation key. A key is refused while it is pending; a reply
 * removes its entry; a timeout removes it too. Whichever of reply, timeout or failure takes the entry out of the table
 * first wins, so each request has one outcome. Replies are handed over on the calling thread, which is a worker
 * (never an MQTT library thread); timeouts and failures are handed to the worker executor, so a slow route never
 * holds up the timer.
 * <p>
 * A pending request costs one small entry ({@link PendingRequest}): the table chains the entries itself, and one
 * {@link TimeoutSweep} keeps every timeout, rather than a map node and a scheduled task per request.
 * <p>
 * The outcome goes to the request's handler once. A handler that throws while taking a reply is handed the failure as
 * a second outcome: the exchanges it carries end through {@link ExchangeCompletion}, which ignores whatever already
 * ended, so none is left without an end and none ends twice.
 */
public final class PendingReplies {

    private static final Logger LOG = LoggerFactory.getLogger(PendingReplies.class);
    private static final int MAX_KEY_ATTEMPTS = 1000;
    /** Keys of the last answered requests kept to tell a duplicated answer from one nobody asked for; a power of 2. */
    private static final int RECENTLY_ANSWERED = 256;

    private final PendingTable pending = new PendingTable();
    private final ScheduledExecutorService timer;
    private final TimeoutSweep sweep;
    private final Executor workers;

    private final LongAdder repliesMatched = new LongAdder();
    private final LongAdder repliesUnmatched = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder repliesDuplicated = new LongAdder();
    private final GatewayObserver observer;
    private final Function<InboundMessage, String> replyCodes;
    private final AtomicReferenceArray<String> recentlyAnswered = new AtomicReferenceArray<>(RECENTLY_ANSWERED);
    private final AtomicInteger answeredCount = new AtomicInteger();
    private volatile Runnable idleListener;

    /**
     * Runs {@code listener} after a request ended and left none pending, on the thread that ended it (a worker or,
     * for a reply, the reply worker): a batcher waiting for the wire to go quiet sends its open batch then.
     */
    public void onIdle(Runnable listener) {
        this.idleListener = listener;
    }

    public PendingReplies(ScheduledExecutorService timer, Executor workers) {
        this(timer, workers, new GatewayMetrics(), reply -> "answered");
    }

    /**
     * @param observer   told how each request ended and of every answer nobody waits for
     * @param replyCodes the platform's answer in a word, for the observer ({@link GatewayProtocol#replyCode})
     */
    public PendingReplies(ScheduledExecutorService timer, Executor workers, GatewayObserver observer,
                          Function<InboundMessage, String> replyCodes) {
        this.timer = timer;
        this.workers = workers;
        this.observer = observer;
        this.replyCodes = replyCodes;
        this.sweep = new TimeoutSweep(timer, this::expireDue);
    }

    /**
     * Waits for the reply to {@code key} for at most {@code timeoutMillis}.
     *
     * @return {@code false}, registering nothing, when the key is already pending: the caller takes another key
     * @throws RejectedExecutionException when the timeout cannot be scheduled (stopping); nothing is registered
     */
    public boolean register(String key, long timeoutMillis, Consumer<RequestOutcome> handler) {
        if (timer.isShutdown()) {
            // the sweep set for an earlier request would not run: without its timeout the request could wait for ever
            throw new RejectedExecutionException("the timer of the pending replies is shut down");
        }
        PendingRequest entry = new PendingRequest(key, handler, timeoutMillis);
        if (!pending.putIfAbsent(entry)) {
            return false;
        }
        try {
            sweep.cover(entry.deadlineNanos());
        } catch (RejectedExecutionException refused) {
            // take it back, the caller reports the failure
            pending.remove(entry);
            throw refused;
        }
        return true;
    }

    /**
     * Registers a request under the first key of {@code keys} that is not pending, so a key is never reused while its
     * request waits (ids wrap; a very slow request may still hold an old one).
     *
     * @return the key the request was registered under
     */
    public String registerUnderFreshKey(Supplier<String> keys, long timeoutMillis, Consumer<RequestOutcome> handler) {
        for (int attempt = 0; attempt < MAX_KEY_ATTEMPTS; attempt++) {
            String key = keys.get();
            if (register(key, timeoutMillis, handler)) {
                return key;
            }
        }
        throw new IllegalStateException("no free correlation key after " + MAX_KEY_ATTEMPTS + " attempts");
    }

    /**
     * {@link #registerUnderFreshKey}, with a refused timeout (the connection's timer is shutting down) reported as the
     * connection stopping.
     */
    String registerUnderFreshKeyOrStop(Supplier<String> keys, long timeoutMillis, Consumer<RequestOutcome> handler,
                                       GatewayConnection connection) throws GatewayStoppedException {
        try {
            return registerUnderFreshKey(keys, timeoutMillis, handler);
        } catch (RejectedExecutionException stopping) {
            throw new GatewayStoppedException("Gateway " + connection.getClientId()
                                              + " is stopping; nothing was published");
        }
    }

    /**
     * Hands a reply to the request waiting for its key, on the calling thread.
     *
     * @return {@code false} when nobody waits for it: late (after its timeout), duplicate or never asked for
     */
    public boolean complete(InboundMessage reply) {
        String key = reply.correlationKey();
        PendingRequest entry = key == null ? null : pending.remove(key);
        if (entry == null) {
            repliesUnmatched.increment();
            if (key != null && answeredRecently(key)) {
                repliesDuplicated.increment();
                observer.duplicatedReply();
            } else {
                observer.unmatchedReply();
            }
            return false;
        }
        repliesMatched.increment();
        recentlyAnswered.set(answeredCount.getAndIncrement() & (RECENTLY_ANSWERED - 1), key);
        observer.replied(replyCodes.apply(reply), System.nanoTime() - entry.sentNanos);
        end(entry, RequestOutcome.replied(reply, entry.deadlineNanos()));
        idleCheck();
        return true;
    }

    /**
     * Forgets a pending request without telling its handler, for a caller that reports the failure itself (its
     * publish was refused).
     *
     * @return {@code false} when the request had already ended
     */
    public boolean cancel(String key) {
        return pending.remove(key) != null;
    }

    /** Ends one pending request with a failure (e.g. its publish failed). No-op when it already ended. */
    public void fail(String key, Exception cause) {
        PendingRequest entry = pending.remove(key);
        if (entry != null) {
            failOnWorker(entry, cause);
        }
    }

    /** Ends every pending request with a failure, on the workers: the connection was lost. */
    public void failAll(Exception cause) {
        for (PendingRequest entry : pending.removeAll()) {
            failOnWorker(entry, cause);
        }
    }

    /** Ends every pending request with a failure on the calling thread: the connection is stopping. */
    public void failAllNow(Exception cause) {
        // the timer is shared with other gateways: it need not hold on to this table until the sweep is due
        sweep.cancel();
        for (PendingRequest entry : pending.removeAll()) {
            observer.failed(cause);
            end(entry, RequestOutcome.failed(entry.key(), cause));
        }
    }

    private void failOnWorker(PendingRequest entry, Exception cause) {
        observer.failed(cause);
        hand(() -> {
            end(entry, RequestOutcome.failed(entry.key(), cause));
            idleCheck();
        });
    }

    public int size() {
        return pending.size();
    }

    /** {@code size() == 0}, without counting every stripe of the table. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public long repliesMatched() {
        return repliesMatched.sum();
    }

    /** Replies that found no pending request: late, duplicated, or for ids nobody asked. */
    public long repliesUnmatched() {
        return repliesUnmatched.sum();
    }

    /** Of the unmatched replies, those that answered one of the last 256 answered requests a second time. */
    public long repliesDuplicated() {
        return repliesDuplicated.sum();
    }

    public long timeouts() {
        return timeouts.sum();
    }

    /** Handlers that threw while taking an outcome (their exchanges were then failed). */
    public long handlerFailures() {
        return handlerFailures.sum();
    }

    /**
     * The sweep: ends every request whose timeout has passed by {@code nowNanos}, on the workers.
     *
     * @return nanoseconds to the next deadline, or {@link Long#MAX_VALUE} when nothing waits
     */
    private long expireDue(long nowNanos) {
        List<PendingRequest> due = new ArrayList<>();
        long next = pending.removeDue(nowNanos, due);
        for (PendingRequest entry : due) {
            timeouts.increment();
            observer.timedOut(entry.timeoutMillis);
            hand(() -> {
                end(entry, RequestOutcome.timedOut(entry.key(), entry.timeoutMillis));
                idleCheck();
            });
        }
        return next;
    }

    /** A scan of a few hundred references, on the rare path of an answer nobody waits for. */
    private boolean answeredRecently(String key) {
        for (int i = 0; i < RECENTLY_ANSWERED; i++) {
            if (key.equals(recentlyAnswered.get(i))) {
                return true;
            }
        }
        return false;
    }

    private void idleCheck() {
        Runnable listener = idleListener;
        if (listener != null && pending.size() == 0) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("The idle listener of pending replies failed: {}", e.toString());
            }
        }
    }

    /** Runs a handler on a worker; should the workers refuse (stopping), here, for a request must not go silent. */
    private void hand(Runnable ending) {
        try {
            workers.execute(ending);
        } catch (RejectedExecutionException refused) {
            ending.run();
        }
    }

    /**
     * Hands the outcome to the request's handler. Called once per request, by whoever took its entry out of the table.
     */
    private void end(PendingRequest entry, RequestOutcome outcome) {
        Consumer<RequestOutcome> handler = entry.handler;
        try {
            handler.accept(outcome);
        } catch (RuntimeException | LinkageError e) {
            handlerFailures.increment();
            LOG.warn("Taking the outcome of request {} failed; its exchanges fail with that: {}", outcome.key(),
                    e.toString());
            try {
                handler.accept(RequestOutcome.failed(outcome.key(),
                        e instanceof RuntimeException re ? re : new IllegalStateException(e.toString(), e)));
            } catch (RuntimeException | LinkageError again) {
                LOG.error("Failing request {} failed too", outcome.key(), again);
            }
        }
    }
}
