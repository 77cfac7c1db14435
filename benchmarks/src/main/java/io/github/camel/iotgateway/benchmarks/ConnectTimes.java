package io.github.camel.iotgateway.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.camel.iotgateway.mqtt.GatewayConnectionListener;

/**
 * When the gateways of a fleet connected: every gateway connection tells this listener of its connects (reconnects,
 * and the first connect of a gateway that had not connected before), and the moments (System.nanoTime) are kept. The
 * listener runs on the connection's control lane right after the connection counts as ready, so a moment is the
 * gateway's own, not a poller's.
 */
final class ConnectTimes implements GatewayConnectionListener {

    private final ConcurrentLinkedQueue<Long> connects = new ConcurrentLinkedQueue<>();

    @Override
    public void connected(boolean reconnect) {
        connects.add(System.nanoTime());
    }

    int count() {
        return connects.size();
    }

    /** The moments, earliest first. */
    long[] sorted() {
        long[] times = connects.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(times);
        return times;
    }

    /** The most connects within any one second. */
    static int peakPerSecond(long[] sorted) {
        int peak = 0;
        int first = 0;
        for (int last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] >= 1_000_000_000L) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }
}
