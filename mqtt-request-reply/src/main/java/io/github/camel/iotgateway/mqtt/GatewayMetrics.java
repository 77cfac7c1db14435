package io.github.camel.iotgateway.mqtt;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The figures of one gateway connection since it was made: what its requests came to, what it received, how its
 * batches and its connection fared. The one {@link GatewayObserver} the core calls; JMX and the dev consoles read the
 * figures here, and while Micrometer meters are bound ({@link #attach}) every event is passed on to them as well.
 * <p>
 * Each event costs a {@link LongAdder} increment (and the meters' own); nothing is allocated per request.
 */
public final class GatewayMetrics implements GatewayObserver, GatewayConnectionListener {

    /** Passes nothing on: no meters bound. */
    private static final GatewayObserver NO_METERS = new GatewayObserver() {
        @Override
        public void requestSent() {
        }

        @Override
        public void replied(String code, long latencyNanos) {
        }

        @Override
        public void timedOut(long timeoutMillis) {
        }

        @Override
        public void failed(Throwable cause) {
        }

        @Override
        public void unmatchedReply() {
        }

        @Override
        public void duplicatedReply() {
        }

        @Override
        public void malformedMessage() {
        }

        @Override
        public void noticeDelivered() {
        }

        @Override
        public void batchSent(int size) {
        }

        @Override
        public void reconnected() {
        }
    };

    private final LongAdder requestsSent = new LongAdder();
    private final TaggedCounts repliesByCode = new TaggedCounts();
    private final LongAdder latencyTotalNanos = new LongAdder();
    private final LongAccumulator latencyMaxNanos = new LongAccumulator(Math::max, 0);
    private final LongAdder timedOut = new LongAdder();
    private final TaggedCounts failuresByType = new TaggedCounts();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder noticesDelivered = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedRequests = new LongAdder();
    private final LongAccumulator largestBatch = new LongAccumulator(Math::max, 0);
    private final LongAdder reconnects = new LongAdder();
    private volatile GatewayObserver meters = NO_METERS;
    private volatile LastError lastError;

    /** The last failure of a request or of the connection, and when it happened. */
    public record LastError(String type, String message, long atMillis) {
    }

    /** Passes every event on to {@code observer} from now on, until {@link #detach()}: the Micrometer meters. */
    public void attach(GatewayObserver observer) {
        this.meters = observer;
    }

    public void detach() {
        this.meters = NO_METERS;
    }

    @Override
    public void requestSent() {
        requestsSent.increment();
        meters.requestSent();
    }

    @Override
    public void replied(String code, long latencyNanos) {
        repliesByCode.increment(code);
        latencyTotalNanos.add(latencyNanos);
        latencyMaxNanos.accumulate(latencyNanos);
        meters.replied(code, latencyNanos);
    }

    @Override
    public void timedOut(long timeoutMillis) {
        timedOut.increment();
        lastError = new LastError("Timeout", "a request got no answer within its timeout of " + timeoutMillis + " ms",
                System.currentTimeMillis());
        meters.timedOut(timeoutMillis);
    }

    @Override
    public void failed(Throwable cause) {
        failuresByType.increment(cause.getClass().getSimpleName());
        remember(cause);
        meters.failed(cause);
    }

    @Override
    public void unmatchedReply() {
        unmatched.increment();
        meters.unmatchedReply();
    }

    @Override
    public void duplicatedReply() {
        duplicated.increment();
        meters.duplicatedReply();
    }

    @Override
    public void malformedMessage() {
        malformed.increment();
        meters.malformedMessage();
    }

    @Override
    public void noticeDelivered() {
        noticesDelivered.increment();
        meters.noticeDelivered();
    }

    @Override
    public void batchSent(int size) {
        batches.increment();
        batchedRequests.add(size);
        largestBatch.accumulate(size);
        meters.batchSent(size);
    }

    @Override
    public void reconnected() {
        reconnects.increment();
        meters.reconnected();
    }

    /** As a connection listener: counts reconnects and remembers why the connection was lost. */
    @Override
    public void connected(boolean reconnect) {
        if (reconnect) {
            reconnected();
        }
    }

    @Override
    public void disconnected(Throwable cause) {
        if (cause != null) {
            remember(cause);
        } else {
            lastError = new LastError("ConnectionLost", "the connection was closed", System.currentTimeMillis());
        }
    }

    private void remember(Throwable cause) {
        // exception messages of the core and the components never carry a secret (SecretsNeverShowTest)
        lastError = new LastError(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()),
                System.currentTimeMillis());
    }

    public long requestsSent() {
        return requestsSent.sum();
    }

    /** Answers of the platform, by {@link GatewayProtocol#replyCode code}. */
    public Map<String, Long> repliesByCode() {
        return repliesByCode.snapshot();
    }

    public long replies() {
        return repliesByCode.total();
    }

    /** Mean time from publish to answer, over every answer; 0 before the first. */
    public double meanReplyLatencyMillis() {
        long answered = replies();
        return answered == 0 ? 0 : latencyTotalNanos.sum() / (double) answered / TimeUnit.MILLISECONDS.toNanos(1);
    }

    public double maxReplyLatencyMillis() {
        return latencyMaxNanos.get() / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    /** Requests not answered within their timeout. */
    public long timeouts() {
        return timedOut.sum();
    }

    /** Requests that ended without an answer, by the simple name of the exception they ended with. */
    public Map<String, Long> failuresByType() {
        return failuresByType.snapshot();
    }

    public long failures() {
        return failuresByType.total();
    }

    public long unmatchedReplies() {
        return unmatched.sum();
    }

    public long duplicatedReplies() {
        return duplicated.sum();
    }

    public long malformedMessages() {
        return malformed.sum();
    }

    public long noticesDelivered() {
        return noticesDelivered.sum();
    }

    public long batches() {
        return batches.sum();
    }

    /** Mean requests per batch handed on by the batchers; 0 before the first. */
    public double meanBatchSize() {
        long count = batches.sum();
        return count == 0 ? 0 : batchedRequests.sum() / (double) count;
    }

    public long largestBatch() {
        return largestBatch.get();
    }

    public long reconnects() {
        return reconnects.sum();
    }

    /** {@code null} while nothing failed. */
    public LastError lastError() {
        return lastError;
    }
}
