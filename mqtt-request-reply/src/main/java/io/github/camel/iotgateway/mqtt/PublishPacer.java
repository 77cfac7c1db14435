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
 * The window is a tenth longer than a second ({@link #WINDOW_MILLIS}): the client's sends reach the platform through
 * its send queue, the network and the broker, which bunch them; measured on a loaded two-core machine, a burst could
 * arrive 100 ms late while the next one came on time. A margin of 100 ms costs a tenth of the pace's throughput and
 * keeps bunched deliveries within the cap.
 */
final class PublishPacer {

    /** A second, and a margin for the jitter between our send and the platform's receipt. */
    static final long WINDOW_MILLIS = 1100;
    /** Publishes that may wait for the pace at once; past that a publish fails at once. */
    static final int MAX_WAITING = 100_000;

    /** One publish waiting for its turn. */
    interface Paced {
        int bytes();

        /** What it counts against the message cap: 1, or (for a platform that counts sub-devices) its devices. */
        default int units() {
            return 1;
        }

        /** How long it may still wait, in ms since its submission; {@link Long#MAX_VALUE} for no limit. */
        long maxWaitMillis();

        /** Its turn: publish now (on the timer's thread; must not block). */
        void release(long waitedMillis);

        /** It will not be published. */
        void fail(GatewayException cause);
    }

    private final String name;
    private final LongSupplier clockMillis;
    private final ScheduledExecutorService timer;
    private final Window messages;
    /** What the message cap counts, for the errors: "messages", or "sub-devices" for a platform that counts those. */
    private final String unitName;
    private final Window bytes;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean drainScheduled;
    private final LongAdder paced = new LongAdder();

    /**
     * @param messagesPerSecond 0 for no message cap
     * @param bytesPerSecond    0 for no byte cap
     */
    PublishPacer(String name, int messagesPerSecond, long bytesPerSecond, ScheduledExecutorService timer,
                 LongSupplier clockMillis) {
        this(name, messagesPerSecond, "messages", bytesPerSecond, timer, clockMillis);
    }

    /** @param unitName what the message cap counts ("messages", "requests", "sub-devices") */
    PublishPacer(String name, int messagesPerSecond, String unitName, long bytesPerSecond,
                 ScheduledExecutorService timer, LongSupplier clockMillis) {
        this.unitName = unitName;
        this.name = name;
        this.timer = timer;
        this.clockMillis = clockMillis;
        this.messages = new Window(messagesPerSecond);
        this.bytes = new Window(bytesPerSecond);
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
            if (waiting.isEmpty() && allowedAt(publish) <= now) {
                record(now, publish);
                goesNow = true;
            } else {
                long expectedWait = expectedWaitMillis(now, publish);
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
                if (allowedAt(next.publish) > now) {
                    break;
                }
                record(now, next.publish);
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
        long delay = Math.max(1, allowedAt(head.publish) - now);
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

    /** When a publish may go, by both caps. */
    private long allowedAt(Paced publish) {
        return Math.max(messages.allowedAt(publish.units()), bytes.allowedAt(publish.bytes()));
    }

    private void record(long now, Paced publish) {
        messages.record(now, publish.units());
        bytes.record(now, publish.bytes());
    }

    /** About how long a publish joining the queue now waits: whole windows for the queue ahead of it. */
    private long expectedWaitMillis(long now, Paced publish) {
        long first = Math.max(0, allowedAt(publish) - now);
        long queuedUnits = publish.units();
        long queuedBytes = publish.bytes();
        for (Waiting w : waiting) {
            queuedUnits += w.publish.units();
            queuedBytes += w.publish.bytes();
        }
        return first + Math.max(messages.windowsFor(queuedUnits), bytes.windowsFor(queuedBytes)) * WINDOW_MILLIS;
    }

    /**
     * One cap over a sliding window: what was sent within the last {@link #WINDOW_MILLIS}, oldest first. A send fits
     * when what the window still holds and the send together stay within the cap; a send larger than the cap alone
     * goes when the window is empty.
     */
    private static final class Window {
        private final long cap;
        private final Deque<long[]> sent = new ArrayDeque<>();
        private long inWindow;

        private Window(long cap) {
            this.cap = cap;
        }

        long allowedAt(long weight) {
            if (cap <= 0 || inWindow == 0 || inWindow + weight <= cap) {
                return Long.MIN_VALUE;
            }
            long freed = 0;
            for (long[] entry : sent) {
                freed += entry[1];
                if (inWindow - freed + weight <= cap || freed == inWindow) {
                    return entry[0] + WINDOW_MILLIS;
                }
            }
            return Long.MIN_VALUE;
        }

        void record(long now, long weight) {
            if (cap <= 0) {
                return;
            }
            while (!sent.isEmpty() && sent.peek()[0] + WINDOW_MILLIS <= now) {
                inWindow -= sent.poll()[1];
            }
            sent.add(new long[] { now, weight });
            inWindow += weight;
        }

        /** Whole windows a queue of {@code weight} needs beyond the first. */
        long windowsFor(long weight) {
            return cap <= 0 ? 0 : (weight - 1) / cap;
        }
    }

    private String describeCaps() {
        return (messages.cap > 0 ? messages.cap + " " + unitName : "")
               + (messages.cap > 0 && bytes.cap > 0 ? " and " : "")
               + (bytes.cap > 0 ? bytes.cap + " bytes" : "") + " a second";
    }

    private record Waiting(Paced publish, long since) {
    }
}
