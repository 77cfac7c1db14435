package io.github.camel.iotgateway.mqtt;

/**
 * Tells a clientId takeover from a flaky link. MQTT 3.1.1 gives no reason when a broker drops a client, but a
 * takeover has a clear shape: every connection is dropped moments after it was made, because the other client
 * reconnects too. After {@code maxQuickDrops} such drops in a row the connection counts as taken over, and the gateway
 * stops reconnecting rather than fight the other client for ever.
 */
final class TakeoverGuard {

    private final int maxQuickDrops;
    private final long quickDropMillis;
    private long connectedAt = -1;
    private int quickDrops;

    TakeoverGuard(int maxQuickDrops, long quickDropMillis) {
        this.maxQuickDrops = maxQuickDrops;
        this.quickDropMillis = quickDropMillis;
    }

    synchronized void connected(long nowMillis) {
        connectedAt = nowMillis;
    }

    /** @return {@code true} when this drop makes the connection count as taken over */
    synchronized boolean dropped(long nowMillis) {
        boolean quick = connectedAt >= 0 && nowMillis - connectedAt < quickDropMillis;
        quickDrops = quick ? quickDrops + 1 : 0;
        connectedAt = -1;
        return quickDrops >= maxQuickDrops;
    }

    synchronized void reset() {
        quickDrops = 0;
        connectedAt = -1;
    }
}
