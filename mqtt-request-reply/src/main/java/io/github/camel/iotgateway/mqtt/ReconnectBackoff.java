package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between reconnect attempts: doubling from one second up to a maximum, each with up to a quarter of random
 * jitter, so that many gateways behind one broker that restarts do not all come back in the same millisecond.
 */
final class ReconnectBackoff {

    static final long FIRST_DELAY_MILLIS = 1000;

    private final long maxDelayMillis;
    private long nextBase = FIRST_DELAY_MILLIS;

    ReconnectBackoff(long maxDelayMillis) {
        this.maxDelayMillis = Math.max(FIRST_DELAY_MILLIS, maxDelayMillis);
    }

    synchronized long nextDelayMillis() {
        long base = nextBase;
        nextBase = Math.min(base * 2, maxDelayMillis);
        return base + ThreadLocalRandom.current().nextLong(base / 4 + 1);
    }

    synchronized void reset() {
        nextBase = FIRST_DELAY_MILLIS;
    }
}
