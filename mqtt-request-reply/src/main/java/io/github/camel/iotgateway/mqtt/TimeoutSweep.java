package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * The timeouts of one correlation table, kept by a single timer task set for the earliest deadline rather than one
 * scheduled task per request (a task, its adapter and its closure cost about 130 bytes a request). When it runs, the
 * sweep ends whatever is due and sets itself for the next deadline. A request registered with an earlier deadline than
 * the one it is set for moves it forward, so every timeout fires on time; only while timeouts fall due one after
 * another does the sweep wait {@link #SPACING_MILLIS} between runs, each of which reads the whole table, so then a
 * timeout may fire up to that much late.
 */
final class TimeoutSweep {

    static final long SPACING_MILLIS = 10;
    private static final long SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(SPACING_MILLIS);

    private final ScheduledExecutorService timer;
    /** Ends what is due at the given nanoTime; returns the nanoseconds to the next deadline, or Long.MAX_VALUE. */
    private final LongUnaryOperator sweep;
    /** When the next sweep runs, in nanoTime terms; meaningful while {@link #armed}. Written under the lock. */
    private volatile long armedFor;
    private volatile boolean armed;
    /** Guarded by this. */
    private ScheduledFuture<?> task;
    /** Counts the tasks set, so a task that was replaced by an earlier one does nothing should it run all the same. */
    private long generation;

    TimeoutSweep(ScheduledExecutorService timer, LongUnaryOperator sweep) {
        this.timer = timer;
        this.sweep = sweep;
    }

    /**
     * Makes sure a sweep runs by {@code deadlineNanos}. Costs a volatile read when one already does.
     *
     * @throws RejectedExecutionException when the timer refuses the task: it is shutting down
     */
    void cover(long deadlineNanos) {
        if (armed && deadlineNanos - armedFor >= 0) {
            return;
        }
        synchronized (this) {
            if (armed && deadlineNanos - armedFor >= 0) {
                return;
            }
            long mine = ++generation;
            ScheduledFuture<?> next = timer.schedule(() -> run(mine), Math.max(0, deadlineNanos - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            if (task != null) {
                task.cancel(false);
            }
            task = next;
            armedFor = deadlineNanos;
            armed = true;
        }
    }

    /** Drops the sweep that is set, if any: nothing waits any more (the table's owner stops). */
    void cancel() {
        synchronized (this) {
            generation++;
            armed = false;
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }
    }

    private void run(long mine) {
        synchronized (this) {
            if (mine != generation) {
                return;
            }
            // from here a request registered meanwhile sets a sweep of its own; the table read below sees the others
            armed = false;
            task = null;
        }
        long now = System.nanoTime();
        long next = sweep.applyAsLong(now);
        if (next != Long.MAX_VALUE) {
            try {
                cover(now + Math.max(next, SPACING_NANOS));
            } catch (RejectedExecutionException stopping) {
                // the timer is shutting down with the gateway, whose stop ends every request still waiting
            }
        }
    }
}
