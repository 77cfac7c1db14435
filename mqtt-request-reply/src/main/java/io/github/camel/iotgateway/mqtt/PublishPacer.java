package io.github.camel.iotgateway.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Keeps one connection's publishes within the platform's caps (Huawei IoTDA: 50 messages and 1 MB a second per device
 * connection, docs/protocol-notes.md B.8), in the strict sense the platforms leave open: no window of one second,
 * wherever it starts, holds more than the cap. A publish within the caps, with nothing waiting before it, goes at once;
 * one over them waits, in order, until enough earlier sends have left the window, and is then published from the
 * connection's timer. Nothing is sent early and nothing waiting is dropped: a publish whose wait would pass its
 * timeout fails at once, before it is published, with {@link GatewayPaceExceededException}.
 * <p>
 * When does a send leave the window? The platform counts arrivals, and the network and the broker bunch them: measured
 * on a loaded two-core machine, one burst could arrive 100 ms late while the next came on time
 * (docs/benchmarks.md, row 6). So a send's slot is held by what proves its arrival:
 * <ul>
 * <li>a request ({@link Paced#awaitsAnswer()}) holds its slot until its answer comes, or it ends otherwise, and then
 * for a second ({@link #ANSWERED_WINDOW_MILLIS}): the platform received it before it answered, and whatever is sent
 * after the answer arrives after it, so a send a second after the answer arrives at least a second after the request
 * did, whatever the delays on the way. It costs a round trip per window, not a guessed margin;</li>
 * <li>a message nobody answers holds its slot for a second and a tenth ({@link #WINDOW_MILLIS}): the tenth is the
 * margin for the bunching above.</li>
 * </ul>
 * A slot whose request never gets an answer frees when the request times out: lost answers slow the pace, they
 * never stop it, and the other slots go on freeing on their own.
 */
final class PublishPacer {

    /** The window of a message nobody answers: a second, and a margin for the jitter between our send and its receipt. */
    static final long WINDOW_MILLIS = 1100;
    /**
     * The window after an answer: a second, and 5 ms for the two clocks' rounding to whole milliseconds (ours that
     * stamps the answer, the platform's that stamps the arrivals).
     */
    static final long ANSWERED_WINDOW_MILLIS = 1005;
    /** Publishes that may wait for the pace at once; past that a publish fails at once. */
    static final int MAX_WAITING = 100_000;
    /** When a slot frees that waits for its answer. */
    private static final long UNTIL_ANSWERED = Long.MAX_VALUE;

    /** One publish waiting for its turn. */
    interface Paced {
        int bytes();

        /** What it counts against the message cap: 1, or (for a platform that counts sub-devices) its devices. */
        default int units() {
            return 1;
        }

        /** How long it may still wait, in ms since its submission; {@link Long#MAX_VALUE} for no limit. */
        long maxWaitMillis();

        /**
         * Whether the platform answers it: its slot is then held until {@link Slot#answered()} (or
         * {@link Slot#notSent()}), see the class comment.
         */
        default boolean awaitsAnswer() {
            return false;
        }

        /**
         * Its turn: publish now (on the timer's thread; must not block).
         *
         * @param slot what it holds of the window; a publish that {@link #awaitsAnswer() awaits an answer} must end it
         *             exactly once, with {@link Slot#answered()} or {@link Slot#notSent()}
         */
        void release(long waitedMillis, Slot slot);

        /** It will not be published. */
        void fail(GatewayException cause);
    }

    /** What one send holds of the window, until {@link #freeAt}. */
    final class Slot {
        private final int units;
        private final int bytes;
        /** Guarded by the pacer. */
        private long freeAt;

        private Slot(int units, int bytes, long freeAt) {
            this.units = units;
            this.bytes = bytes;
            this.freeAt = freeAt;
        }

        /** Its answer came (or it ended otherwise after it was sent): it leaves the window a second from now. */
        public void answered() {
            end(ANSWERED_WINDOW_MILLIS);
        }

        /** It was not published after all: it leaves the window now. */
        public void notSent() {
            end(0);
        }

        private void end(long holdMillis) {
            synchronized (PublishPacer.this) {
                if (freeAt == UNTIL_ANSWERED) { // once: a later end of the same send changes nothing
                    freeAt = clockMillis.getAsLong() + holdMillis;
                    rescheduleDrain();
                }
            }
        }
    }

    private final String name;
    private final LongSupplier clockMillis;
    private final ScheduledExecutorService timer;
    /** The message cap (0: none), and what it counts for the errors: "messages", or "sub-devices". */
    private final long unitCap;
    private final String unitName;
    private final long byteCap;
    /** The sends still in the window, in the order they went; their slots may free in another order. */
    private final Deque<Slot> window = new ArrayDeque<>();
    private long unitsInWindow;
    private long bytesInWindow;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    /** The drain on the timer, and when it runs; null when none is scheduled. */
    private ScheduledFuture<?> drain;
    private long drainAt;
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
        this.unitCap = Math.max(0, messagesPerSecond);
        this.byteCap = Math.max(0, bytesPerSecond);
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

    /** Sends that still hold a slot of the window (answered or not). */
    synchronized int slotsHeld() {
        prune(clockMillis.getAsLong());
        return window.size();
    }

    /** Publishes now when the caps allow and nothing waits; queues it otherwise, or fails it when it could not wait. */
    void submit(Paced publish) {
        long now = clockMillis.getAsLong();
        Slot slot = null;
        GatewayPaceExceededException refused = null;
        synchronized (this) {
            prune(now);
            if (waiting.isEmpty() && fits(publish)) {
                slot = record(now, publish);
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
        if (slot != null) {
            publish.release(0, slot);
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
        List<Slot> slots = new ArrayList<>();
        List<Waiting> late = new ArrayList<>();
        long now = clockMillis.getAsLong();
        synchronized (this) {
            drain = null;
            prune(now); // once: what the loop records holds its slot past now
            while (!waiting.isEmpty()) {
                Waiting next = waiting.peek();
                if (now - next.since >= next.publish.maxWaitMillis()) {
                    late.add(waiting.poll());
                    continue;
                }
                if (!fits(next.publish)) {
                    break;
                }
                slots.add(record(now, next.publish));
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
        for (int i = 0; i < due.size(); i++) {
            due.get(i).publish.release(now - due.get(i).since, slots.get(i));
        }
    }

    /** Schedules the drain for when the first waiting publish may go (or must fail), unless one is scheduled. */
    private void scheduleDrain(long now) {
        if (drain != null || waiting.isEmpty()) {
            return;
        }
        long at = nextDrainAt(now);
        if (at == UNTIL_ANSWERED) {
            return; // an answer frees a slot and schedules the drain
        }
        try {
            drain = timer.schedule(this::drainQuietly, Math.max(1, at - now), TimeUnit.MILLISECONDS);
            drainAt = at;
        } catch (RejectedExecutionException stopping) {
            // the connection is stopping; it fails what waits
        }
    }

    /** An answer freed a slot: the first waiting publish may go earlier than the drain was scheduled for. */
    private void rescheduleDrain() {
        if (waiting.isEmpty()) {
            return;
        }
        long now = clockMillis.getAsLong();
        if (drain != null) {
            if (nextDrainAt(now) >= drainAt) {
                return;
            }
            drain.cancel(false);
            drain = null;
        }
        scheduleDrain(now);
    }

    /** When the drain must run: when the first waiting publish fits, or its wait runs out, whichever is first. */
    private long nextDrainAt(long now) {
        prune(now);
        Waiting head = waiting.peek();
        long fitsAt = fitsAt(now, head.publish);
        long maxWait = head.publish.maxWaitMillis();
        long deadline = maxWait == Long.MAX_VALUE ? UNTIL_ANSWERED : head.since + maxWait;
        return Math.min(fitsAt, deadline);
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            // a failing publish must not stop the pace: the next drain carries on
            synchronized (this) {
                drain = null;
                scheduleDrain(clockMillis.getAsLong());
            }
        }
    }

    /**
     * Whether a publish fits in the window as pruned last, by both caps. A send larger than a cap alone fits an empty
     * window.
     */
    private boolean fits(Paced publish) {
        return fitsWith(unitCap, unitsInWindow, publish.units()) && fitsWith(byteCap, bytesInWindow, publish.bytes());
    }

    private static boolean fitsWith(long cap, long inWindow, long weight) {
        return cap <= 0 || inWindow == 0 || inWindow + weight <= cap;
    }

    /**
     * Drops the slots that have freed, wherever they are in the window: once at each way in (a submit, a drain, a
     * drain's scheduling), before the window is asked whether a publish fits.
     */
    private void prune(long now) {
        if (window.isEmpty()) {
            return;
        }
        Iterator<Slot> slots = window.iterator();
        while (slots.hasNext()) {
            Slot slot = slots.next();
            if (slot.freeAt <= now) {
                slots.remove();
                unitsInWindow -= slot.units;
                bytesInWindow -= slot.bytes;
            }
        }
    }

    /**
     * When a publish will fit, by the slots' free times as they are known now; {@link #UNTIL_ANSWERED} when that
     * needs a slot whose answer has not come yet.
     */
    private long fitsAt(long now, Paced publish) {
        if (fits(publish)) {
            return now;
        }
        Slot[] byFreeAt = window.toArray(new Slot[0]);
        Arrays.sort(byFreeAt, Comparator.comparingLong(slot -> slot.freeAt));
        long units = unitsInWindow;
        long bytes = bytesInWindow;
        for (Slot slot : byFreeAt) {
            if (slot.freeAt == UNTIL_ANSWERED) {
                return UNTIL_ANSWERED;
            }
            units -= slot.units;
            bytes -= slot.bytes;
            if (fitsWith(unitCap, units, publish.units()) && fitsWith(byteCap, bytes, publish.bytes())) {
                return slot.freeAt;
            }
        }
        return UNTIL_ANSWERED;
    }

    private Slot record(long now, Paced publish) {
        Slot slot = new Slot(publish.units(), publish.bytes(),
                publish.awaitsAnswer() ? UNTIL_ANSWERED : now + WINDOW_MILLIS);
        if (unitCap > 0 || byteCap > 0) {
            window.add(slot);
            unitsInWindow += slot.units;
            bytesInWindow += slot.bytes;
        }
        return slot;
    }

    /**
     * About how long a publish joining the queue now waits: until the window has room, and whole windows for the
     * queue ahead of it.
     */
    private long expectedWaitMillis(long now, Paced publish) {
        long fitsAt = fitsAt(now, publish);
        long first = fitsAt == UNTIL_ANSWERED ? ANSWERED_WINDOW_MILLIS : Math.max(0, fitsAt - now);
        long queuedUnits = publish.units();
        long queuedBytes = publish.bytes();
        for (Waiting w : waiting) {
            queuedUnits += w.publish.units();
            queuedBytes += w.publish.bytes();
        }
        return first + Math.max(windowsFor(unitCap, queuedUnits), windowsFor(byteCap, queuedBytes)) * WINDOW_MILLIS;
    }

    /** Whole windows a queue of {@code weight} needs beyond the first. */
    private static long windowsFor(long cap, long weight) {
        return cap <= 0 ? 0 : (weight - 1) / cap;
    }

    private String describeCaps() {
        return (unitCap > 0 ? unitCap + " " + unitName : "")
               + (unitCap > 0 && byteCap > 0 ? " and " : "")
               + (byteCap > 0 ? byteCap + " bytes" : "") + " a second";
    }

    private record Waiting(Paced publish, long since) {
    }
}
