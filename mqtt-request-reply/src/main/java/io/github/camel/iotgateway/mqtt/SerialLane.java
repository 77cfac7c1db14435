package io.github.camel.iotgateway.mqtt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in the order given, on threads of a pool the component's gateways share,
 * so that a gateway keeps its order (messages decoded as they arrived, notices delivered in order, connection events
 * handled one after the other) without a thread of its own. A lane holds at most {@code capacity} tasks and refuses
 * past that, as a bounded pool of its own would; it never has more than one task queued in the shared pool, and gives
 * the pool back after a few tasks, so one busy gateway does not starve the others.
 */
final class SerialLane implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);
    /** Tasks a lane runs before it lets the other lanes of the pool have a turn. */
    private static final int TURN = 64;

    private final String name;
    private final Executor pool;
    private final int capacity;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** A drain of this lane is queued in the pool or running. */
    private boolean scheduled;
    private boolean shutdown;

    SerialLane(String name, Executor pool, int capacity) {
        this.name = name;
        this.pool = pool;
        this.capacity = capacity;
    }

    /** @throws RejectedExecutionException when the lane is full or shut down */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException(name + " is shut down");
            }
            if (queue.size() >= capacity) {
                throw new RejectedExecutionException(name + " holds " + capacity + " tasks already");
            }
            queue.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    /** Takes the lane out of use: no task is accepted any more; the ones not yet run are returned, not run. */
    synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    synchronized int queued() {
        return queue.size();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException poolGone) {
            // the shared pool stops only after every connection stopped: run what is here rather than drop it
            drain();
        }
    }

    private void drain() {
        for (int i = 0; i < TURN; i++) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (Throwable e) {
                // a task that throws must not take the lane with it: the lane's later tasks still run
                LOG.warn("{}: a task failed: {}", name, e.toString());
            }
        }
        schedule();
    }
}
