package io.github.camel.iotgateway.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The ways a simulated platform can misbehave when it answers, switched on by tests of a client's robustness: stay
 * silent, answer twice, answer out of order, or answer requests nobody made. The switches are read for each reply,
 * so a test may flip them at any time.
 */
final class ReplyBehaviour implements AutoCloseable {

    /** Replies are held back by up to this long, so that replies to requests sent close together cross. */
    static final int MAX_REORDER_DELAY_MS = 30;

    private final ScheduledExecutorService scheduler;
    private volatile boolean silent;
    private volatile boolean duplicate;
    private volatile boolean reorder;
    private volatile boolean unsolicited;

    ReplyBehaviour(String threadName) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new DaemonThreads(threadName));
    }

    boolean isSilent() {
        return silent;
    }

    void setSilent(boolean silent) {
        this.silent = silent;
    }

    void setDuplicate(boolean duplicate) {
        this.duplicate = duplicate;
    }

    void setReorder(boolean reorder) {
        this.reorder = reorder;
    }

    void setUnsolicited(boolean unsolicited) {
        this.unsolicited = unsolicited;
    }

    /** Back to well-behaved: every switch off. */
    void reset() {
        silent = false;
        duplicate = false;
        reorder = false;
        unsolicited = false;
    }

    /**
     * Sends a reply as the switches say.
     *
     * @param reply             publishes the real reply once
     * @param unsolicitedReply publishes a well-formed reply to a request nobody made
     */
    void send(Runnable reply, Runnable unsolicitedReply) {
        if (silent) {
            return;
        }
        dispatch(reply);
        if (duplicate) {
            dispatch(reply);
        }
        if (unsolicited) {
            dispatch(unsolicitedReply);
        }
    }

    private void dispatch(Runnable publish) {
        if (!reorder) {
            publish.run();
            return;
        }
        long delay = ThreadLocalRandom.current().nextLong(MAX_REORDER_DELAY_MS + 1L);
        try {
            scheduler.schedule(publish, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: a reply lost at shutdown is fine
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
