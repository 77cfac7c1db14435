package io.github.camel.iotgateway.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Keeps one connection's publishes within the platform's caps (Huawei IoTDA: 50 messages and 1 MB a second per device
 * connection, docs/protocol-notes.md B.8), in the strict sense the platforms leave open: no window of one second,
 * wherever it starts, holds more than the cap. A publish within the caps, with nothing waiting before it, goes at once;
 * one over them waits, in order, until the oldest send of the window has left it, and is then published from the
 * connection's timer. Nothing is sent early and nothing waiting is dropped: a publish whose wait would pass its
 * timeout fails at once, before it is published, with {@link GatewayPaceExceededException}.
 * <p>
 * The window is a little longer than a second ({@link #WINDOW_MILLIS}), so that deliveries bunched by the network are
 * not judged over the cap at the platform.
 */
final class PublishPacer {

    /** A second, and a margin for the jitter between our send and the platform's receipt. */
    static final long WINDOW_MILLIS = 1010;
    /** Publishes that may wait for the pace at once; past that a publish fails at once. */
    static final int MAX_WAITING = 100_000;

    /** One publish waiting for its turn. */
    interface Paced {
        int bytes();

        /** How long it may still wait, in ms since its submission; {@link Long#MAX_VALUE} for no limit. */
        long maxWaitMillis();

        /** Its turn: publish now (on the timer's thread; must not block). */
        void release(long waitedMillis);

        /** It will not be published. */
        void fail(GatewayException cause);
    }

    private final String name;
    private final int messagesPerSecond;
    private final long bytesPerSecond;
    private final LongSupplier clockMillis;
    private final ScheduledExecutorService timer;
    /** Send times of the last messagesPerSecond publishes, oldest at {@code oldest}. */
    private final long[] sentAt;
    private int oldest;
    /** (time, bytes) of the publishes within the last window, for the byte cap. */
    private final Deque<long[]> bytesSent = new ArrayDeque<>();
    private long bytesInWindow;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean drainScheduled;
    private final LongAdder paced = new LongAdder();

    /**
     * @param messagesPerSecond 0 for no message cap
     * @param bytesPerSecond    0 for no byte cap
     */
    PublishPacer(String name, int messagesPerSecond, long bytesPerSecond, ScheduledExecutorService timer,
                 LongSupplier clockMillis) {
        this.name = name;
        this.messagesPerSecond = messagesPerSecond;
        this.bytesPerSecond = bytesPerSecond;
        this.timer = timer;
        this.clockMillis = clockMillis;
        this.sentAt = new long[Math.max(1, messagesPerSecond)];
        java.util.Arrays.fill(sentAt, Long.MIN_VALUE / 2);
    }

    static boolean isNeeded(int messagesPerSecond, long bytesPerSecond) {
        return messagesPerSecond > 0 || bytesPerSecond > 0;
    }

    /** Publishes that had to wait for the pace, since start. */
    long pacedPublishes() {
        return paced.sum();
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    /** Publishes now when the caps allow and nothing waits; queues it otherwise, or fails it when it could not wait. */
    void submit(Paced publish) {
        long now = clockMillis.getAsLong();
        boolean goesNow = false;
        GatewayPaceExceededException refused = null;
        synchronized (this) {
            if (waiting.isEmpty() && allowedAt(publish.bytes()) <= now) {
                record(now, publish.bytes());
                goesNow = true;
            } else {
                long expectedWait = expectedWaitMillis(now, publish.bytes());
                if (waiting.size() >= MAX_WAITING || expectedWait >= publish.maxWaitMillis()) {
                    refused = new GatewayPaceExceededException("Gateway " + name + ": " + waiting.size()
                                                               + " publishes already wait for the platform's pace ("
                                                               + describeCaps() + "); this one would wait about "
                                                               + expectedWait + " ms, past its timeout of "
                                                               + publish.maxWaitMillis() + " ms. Nothing was published.");
                } else {
                    waiting.add(new Waiting(publish, now));
                    paced.increment();
                    scheduleDrain(now);
                }
            }
        }
        // outside the lock: what a publish does next (an exchange going on) must not hold up the pace
        if (goesNow) {
            publish.release(0);
        } else if (refused != null) {
            publish.fail(refused);
        }
    }

    /** Fails every publish still waiting: the connection was lost or is stopping. */
    void failWaiting(GatewayException cause) {
        List<Waiting> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        dropped.forEach(w -> w.publish.fail(cause));
    }

    private void drain() {
        List<Waiting> due = new ArrayList<>();
        List<Waiting> late = new ArrayList<>();
        long now = clockMillis.getAsLong();
        synchronized (this) {
            drainScheduled = false;
            while (!waiting.isEmpty()) {
                Waiting next = waiting.peek();
                if (now - next.since >= next.publish.maxWaitMillis()) {
                    late.add(waiting.poll());
                    continue;
                }
                if (allowedAt(next.publish.bytes()) > now) {
                    break;
                }
                record(now, next.publish.bytes());
                due.add(waiting.poll());
            }
            if (!waiting.isEmpty()) {
                scheduleDrain(now);
            }
        }
        for (Waiting w : late) {
            w.publish.fail(new GatewayPaceExceededException("Gateway " + name + ": a publish waited "
                                                            + (now - w.since) + " ms for the platform's pace ("
                                                            + describeCaps() + "), past its timeout. Nothing was"
                                                            + " published."));
        }
        for (Waiting w : due) {
            w.publish.release(now - w.since);
        }
    }

    private void scheduleDrain(long now) {
        if (drainScheduled) {
            return;
        }
        Waiting head = waiting.peek();
        long delay = Math.max(1, allowedAt(head.publish.bytes()) - now);
        try {
            timer.schedule(this::drainQuietly, delay, TimeUnit.MILLISECONDS);
            drainScheduled = true;
        } catch (RejectedExecutionException stopping) {
            // the connection is stopping; it fails what waits
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            // a failing publish must not stop the pace: the next drain carries on
            synchronized (this) {
                if (!waiting.isEmpty()) {
                    scheduleDrain(clockMillis.getAsLong());
                }
            }
        }
    }

    /** When a publish of {@code bytes} may go, by both caps. */
    private long allowedAt(int bytes) {
        long at = Long.MIN_VALUE;
        if (messagesPerSecond > 0) {
            at = sentAt[oldest] + WINDOW_MILLIS;
        }
        if (bytesPerSecond > 0 && bytesInWindow > 0 && bytesInWindow + bytes > bytesPerSecond) {
            long freed = 0;
            for (long[] sent : bytesSent) {
                freed += sent[1];
                if (bytesInWindow - freed + bytes <= bytesPerSecond || freed == bytesInWindow) {
                    at = Math.max(at, sent[0] + WINDOW_MILLIS);
                    break;
                }
            }
        }
        return at;
    }

    private void record(long now, int bytes) {
        if (messagesPerSecond > 0) {
            sentAt[oldest] = now;
            oldest = (oldest + 1) % sentAt.length;
        }
        if (bytesPerSecond > 0) {
            while (!bytesSent.isEmpty() && bytesSent.peek()[0] + WINDOW_MILLIS <= now) {
                bytesInWindow -= bytesSent.poll()[1];
            }
            bytesSent.add(new long[] { now, bytes });
            bytesInWindow += bytes;
        }
    }

    /** About how long a publish joining the queue now waits: whole windows for the queue ahead of it. */
    private long expectedWaitMillis(long now, int bytes) {
        long first = Math.max(0, allowedAt(bytes) - now);
        long byMessages = messagesPerSecond > 0 ? (waiting.size() / messagesPerSecond) * WINDOW_MILLIS : 0;
        long queuedBytes = bytes;
        for (Waiting w : waiting) {
            queuedBytes += w.publish.bytes();
        }
        long byBytes = bytesPerSecond > 0 ? (queuedBytes / bytesPerSecond) * WINDOW_MILLIS : 0;
        return first + Math.max(byMessages, byBytes);
    }

    private String describeCaps() {
        return (messagesPerSecond > 0 ? messagesPerSecond + " messages" : "")
               + (messagesPerSecond > 0 && bytesPerSecond > 0 ? " and " : "")
               + (bytesPerSecond > 0 ? bytesPerSecond + " bytes" : "") + " a second";
    }

    private record Waiting(Paced publish, long since) {
    }
}
