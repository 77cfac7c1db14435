package io.github.camel.iotgateway.mqtt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TakeoverGuardTest {

    private static final long WINDOW = 1_000;

    private final TakeoverGuard guard = new TakeoverGuard(3, WINDOW);

    @Test
    void threeQuickDropsInARowAreATakeover() {
        assertThat(connectedThenDropped(0, 100)).isFalse();
        assertThat(connectedThenDropped(200, 300)).isFalse();
        assertThat(connectedThenDropped(400, 500)).isTrue();
        assertThat(connectedThenDropped(600, 700)).as("still taken over").isTrue();
    }

    @Test
    void aSlowDropStartsTheCountAgain() {
        assertThat(connectedThenDropped(0, 100)).isFalse();
        assertThat(connectedThenDropped(200, 300)).isFalse();
        assertThat(connectedThenDropped(400, 400 + WINDOW)).as("lasted the window: a flaky link").isFalse();
        assertThat(connectedThenDropped(2_000, 2_100)).isFalse();
        assertThat(connectedThenDropped(2_200, 2_300)).isFalse();
        assertThat(connectedThenDropped(2_400, 2_500)).isTrue();
    }

    @Test
    void aDropWithoutAConnectIsNotQuick() {
        assertThat(connectedThenDropped(0, 100)).isFalse();
        assertThat(connectedThenDropped(200, 300)).isFalse();
        assertThat(guard.dropped(400)).as("never connected since the last drop").isFalse();
        assertThat(connectedThenDropped(500, 600)).isFalse();
    }

    @Test
    void resetClearsTheCount() {
        assertThat(connectedThenDropped(0, 100)).isFalse();
        assertThat(connectedThenDropped(200, 300)).isFalse();
        guard.reset();
        assertThat(connectedThenDropped(400, 500)).isFalse();
        assertThat(connectedThenDropped(600, 700)).isFalse();
        assertThat(connectedThenDropped(800, 900)).isTrue();
        guard.reset();
        assertThat(connectedThenDropped(1_000, 1_100)).isFalse();
    }

    private boolean connectedThenDropped(long connectedAt, long droppedAt) {
        guard.connected(connectedAt);
        return guard.dropped(droppedAt);
    }
}
