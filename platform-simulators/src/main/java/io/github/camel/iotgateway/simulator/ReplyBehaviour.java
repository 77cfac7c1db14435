package io.github.camel.iotgateway.simulator;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ways a simulated platform can misbehave when it answers, switched on by tests of a client's robustness: stay
 * silent, answer twice, answer out of order, answer requests nobody made, and, each with a probability, drop the
 * answer, send it only after a delay, or send a malformed one instead. The switches are read for each reply, so a
 * test may flip them at any time.
 *
 * <p>The chances are drawn from one seeded {@link Random} in the order the replies are sent: the simulators send from
 * one thread in the order requests arrived, so the same requests in the same order meet the same misbehaviour.
 */
final class ReplyBehaviour implements AutoCloseable {

    /** Replies are held back by up to this long, so that replies to requests sent close together cross. */
    static final int MAX_REORDER_DELAY_MS = 30;
    /** The seed after start and after {@link #reset()}. */
    static final long DEFAULT_SEED = 20_240_518L;

    /** Publishes a reply broken the given way; {@code variant} picks among the protocol's wrong-type shapes. */
    @FunctionalInterface
    interface MalformedReply {
        void publish(Malformation how, int variant);
    }

    private final ScheduledExecutorService scheduler;
    private final Random random = new Random(DEFAULT_SEED);
    private volatile boolean silent;
    private volatile boolean duplicate;
    private volatile boolean reorder;
    private volatile boolean unsolicited;
    private volatile double dropProbability;
    private volatile double malformedProbability;
    private volatile double delayProbability;
    private volatile long delayMillis;

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong unsolicitedSent = new AtomicLong();

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

    void setDrop(double probability) {
        this.dropProbability = checked("drop", probability);
    }

    void setMalformed(double probability) {
        this.malformedProbability = checked("malformed", probability);
    }

    void setDelay(long millis, double probability) {
        if (millis < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms but was " + millis);
        }
        this.delayMillis = millis;
        this.delayProbability = checked("delay", probability);
    }

    void setSeed(long seed) {
        synchronized (random) {
            random.setSeed(seed);
        }
    }

    MisbehaviourCounts counts() {
        return new MisbehaviourCounts(dropped.get(), delayed.get(), malformed.get(), duplicated.get(),
                unsolicitedSent.get());
    }

    /** Back to well-behaved: every switch off, counts cleared, the default seed again. */
    void reset() {
        silent = false;
        duplicate = false;
        reorder = false;
        unsolicited = false;
        dropProbability = 0;
        malformedProbability = 0;
        delayProbability = 0;
        delayMillis = 0;
        setSeed(DEFAULT_SEED);
        dropped.set(0);
        delayed.set(0);
        malformed.set(0);
        duplicated.set(0);
        unsolicitedSent.set(0);
    }

    /**
     * Sends a reply as the switches say: dropped, or malformed instead, or else sent (after the delay, when drawn)
     * and maybe twice; then maybe a reply to a request nobody made.
     *
     * @param reply             publishes the real reply once
     * @param unsolicitedReply publishes a well-formed reply to a request nobody made
     * @param malformedReply   publishes a broken form of the real reply
     */
    void send(Runnable reply, Runnable unsolicitedReply, MalformedReply malformedReply) {
        if (silent) {
            return;
        }
        if (chance(dropProbability)) {
            dropped.incrementAndGet();
        } else if (chance(malformedProbability)) {
            long n = malformed.getAndIncrement();
            Malformation how = Malformation.nth(n);
            dispatch(() -> malformedReply.publish(how, Malformation.variant(n)), 0);
        } else {
            long delay = 0;
            if (chance(delayProbability)) {
                delay = delayMillis;
                delayed.incrementAndGet();
            }
            dispatch(reply, delay);
            if (duplicate) {
                duplicated.incrementAndGet();
                dispatch(reply, delay);
            }
        }
        if (unsolicited) {
            unsolicitedSent.incrementAndGet();
            dispatch(unsolicitedReply, 0);
        }
    }

    /** Draws only for a switch that is on, so turning one on does not change what the others draw before it. */
    private boolean chance(double probability) {
        if (probability <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }

    private void dispatch(Runnable publish, long delayMillis) {
        long delay = delayMillis;
        if (reorder) {
            synchronized (random) {
                delay += random.nextInt(MAX_REORDER_DELAY_MS + 1);
            }
        }
        if (delay == 0 && !reorder) {
            publish.run();
            return;
        }
        try {
            scheduler.schedule(publish, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: a reply lost at shutdown is fine
        }
    }

    private static double checked(String what, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(what + " probability must be in 0..1 but was " + probability);
        }
        return probability;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
