package io.github.camel.iotgateway.simulator;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * IoTDA's per-connection caps on what a device publishes (docs/protocol-notes.md B.2: 50 upstream messages/s and
 * 1 MB/s), as a sliding window: a message is let through when, with it, the messages and the payload bytes let through
 * within the last window stay within the caps; otherwise it is refused. A refused message takes no room in the window,
 * so a client that backs off is served again as soon as its earlier messages age out.
 *
 * <p>The window is shorter than the second the caps are stated for, by default 950 ms ({@link #DEFAULT_WINDOW}). The
 * broker delivers with some jitter: two messages a paced client published 1000 ms apart (plus its margin) may reach
 * the platform a few tens of milliseconds closer together, and a one-second window would then count the 51st message
 * of a correctly paced client into the same second as the first. A 950 ms window forgives up to 50 ms of such
 * bunching (more with the client's margin), and still catches any real burst: 51 messages sent at once arrive well
 * within 950 ms.
 *
 * <p>A cap of 0 is off. Thread-safe: the caps may change while messages are checked.
 */
final class UpstreamRateCaps {

    /** The measuring window by default: the second of the caps, less 50 ms for the broker's delivery jitter. */
    static final Duration DEFAULT_WINDOW = Duration.ofMillis(950);

    /** A message let through: when it arrived and its payload size. */
    private record Admitted(long arrivedNanos, long bytes) {
    }

    private final long windowNanos;
    private final ArrayDeque<Admitted> window = new ArrayDeque<>();
    private long bytesInWindow;
    private int messagesPerSecond;
    private long bytesPerSecond;

    UpstreamRateCaps(Duration window, int messagesPerSecond, long bytesPerSecond) {
        requireWindow(window);
        this.windowNanos = window.toNanos();
        set(messagesPerSecond, bytesPerSecond);
    }

    static void requireWindow(Duration window) {
        if (window == null || window.isNegative() || window.isZero() || window.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the rate window must be more than 0 and at most 1 s but was " + window);
        }
    }

    static void requireCaps(int messagesPerSecond, long bytesPerSecond) {
        if (messagesPerSecond < 0) {
            throw new IllegalArgumentException("messagesPerSecond must be >= 0 (0 is off) but was " + messagesPerSecond);
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0 (0 is off) but was " + bytesPerSecond);
        }
    }

    /** New caps; what the window holds stays, so a change gives a client no fresh second. */
    synchronized void set(int messagesPerSecond, long bytesPerSecond) {
        requireCaps(messagesPerSecond, bytesPerSecond);
        this.messagesPerSecond = messagesPerSecond;
        this.bytesPerSecond = bytesPerSecond;
    }

    synchronized int messagesPerSecond() {
        return messagesPerSecond;
    }

    synchronized long bytesPerSecond() {
        return bytesPerSecond;
    }

    Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /** Forgets the messages let through so far. */
    synchronized void clear() {
        window.clear();
        bytesInWindow = 0;
    }

    /**
     * Lets a message through and counts it, or refuses it.
     *
     * @param arrivedNanos when it arrived, on the {@link System#nanoTime()} scale; not before an earlier call's
     * @return null when let through; otherwise why not, naming the cap and the count
     */
    synchronized String admit(long arrivedNanos, int payloadBytes) {
        while (!window.isEmpty() && arrivedNanos - window.peekFirst().arrivedNanos() >= windowNanos) {
            bytesInWindow -= window.pollFirst().bytes();
        }
        int messages = window.size() + 1;
        long bytes = bytesInWindow + payloadBytes;
        long windowMillis = windowNanos / 1_000_000;
        if (messagesPerSecond > 0 && messages > messagesPerSecond) {
            return messages + " messages within " + windowMillis + " ms exceed the cap of " + messagesPerSecond
                   + " upstream messages/s per connection";
        }
        if (bytesPerSecond > 0 && bytes > bytesPerSecond) {
            return bytes + " payload bytes within " + windowMillis + " ms (this message " + payloadBytes
                   + ") exceed the cap of " + bytesPerSecond + " bytes/s per connection";
        }
        window.addLast(new Admitted(arrivedNanos, payloadBytes));
        bytesInWindow = bytes;
        return null;
    }
}
