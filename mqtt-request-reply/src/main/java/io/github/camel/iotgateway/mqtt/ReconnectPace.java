package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.TimeUnit;

/**
 * The turns of a component's gateways to reconnect: at most {@code perSecond} reconnects begin within any second,
 * evenly spaced. Each gateway first waits its own jittered back-off ({@link ReconnectBackoff}); a back-off that ends
 * while others' turns are taken waits for the next free turn. A fleet whose broker restarts so comes back at a rate the
 * broker can take, however many gateways ended their back-off in the same moment: jitter alone spreads a thousand
 * over a quarter of a second. Turns are given in the order the back-offs end.
 */
final class ReconnectPace {

    private final long spacingNanos;
    /** When the next free turn begins (System.nanoTime); turns before it are taken. */
    private long nextTurn = Long.MIN_VALUE;

    /** @param perSecond reconnects a second at most; 0 or less for no limit */
    ReconnectPace(int perSecond) {
        this.spacingNanos = perSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / perSecond : 0;
    }

    /**
     * Takes the next free turn.
     *
     * @param  nowNanos System.nanoTime now
     * @return          how long the caller waits for its turn, in nanoseconds; 0 when it may connect now
     */
    synchronized long takeTurn(long nowNanos) {
        if (spacingNanos == 0) {
            return 0;
        }
        long turn = nextTurn == Long.MIN_VALUE || nextTurn - nowNanos < 0 ? nowNanos : nextTurn;
        nextTurn = turn + spacingNanos;
        return turn - nowNanos;
    }
}
