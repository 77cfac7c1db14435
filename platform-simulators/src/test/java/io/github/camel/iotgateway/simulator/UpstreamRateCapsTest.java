package io.github.camel.iotgateway.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sliding window on its own, with arrival times given: what the caps let through and when room comes back. */
class UpstreamRateCapsTest {

    private static final long MS = 1_000_000L;

    @Test
    void theMessageOverTheCapWithinTheWindowIsRefusedAndNamesCapAndCount() {
        UpstreamRateCaps caps = new UpstreamRateCaps(Duration.ofMillis(950), 50, 0);
        for (int i = 0; i < 50; i++) {
            assertThat(caps.admit(i * MS, 100)).as("message %d", i + 1).isNull();
        }

        String refused = caps.admit(60 * MS, 100);

        assertThat(refused).contains("51 messages").contains("950 ms").contains("cap of 50");
    }

    @Test
    void roomComesBackAsTheOldestMessagesLeaveTheWindow() {
        UpstreamRateCaps caps = new UpstreamRateCaps(Duration.ofMillis(950), 2, 0);
        assertThat(caps.admit(0, 1)).isNull();
        assertThat(caps.admit(10 * MS, 1)).isNull();
        assertThat(caps.admit(949 * MS, 1)).as("the first is still within 950 ms").isNotNull();
        assertThat(caps.admit(950 * MS, 1)).as("the first has left").isNull();
        assertThat(caps.admit(955 * MS, 1)).as("the second is still within").isNotNull();
        assertThat(caps.admit(960 * MS, 1)).as("the second has left").isNull();
    }

    @Test
    void aClientPacedAtASecondIsNeverOverTheCapEvenWhenDeliveriesBunchBy40Ms() {
        UpstreamRateCaps caps = new UpstreamRateCaps(UpstreamRateCaps.DEFAULT_WINDOW, 50, 0);
        long start = 0;
        for (int second = 0; second < 5; second++) {
            // the client sends 50 at once every 1000 ms; the broker delivers this burst up to 40 ms late, the next early
            long delivered = start + second * 1000 * MS + (second % 2 == 0 ? 40 * MS : 0);
            for (int i = 0; i < 50; i++) {
                assertThat(caps.admit(delivered + i * 1000L, 10)).as("second %d message %d", second, i).isNull();
            }
        }
    }

    @Test
    void theByteCapCountsPayloadBytesWithinTheWindow() {
        UpstreamRateCaps caps = new UpstreamRateCaps(Duration.ofMillis(950), 0, 1000);
        assertThat(caps.admit(0, 600)).isNull();
        String refused = caps.admit(MS, 500);
        assertThat(refused).contains("1100 payload bytes").contains("cap of 1000 bytes/s");
        assertThat(caps.admit(2 * MS, 400)).as("a refused message took no room").isNull();
        assertThat(caps.admit(3 * MS, 1)).isNotNull();
        assertThat(caps.admit(952 * MS, 1000)).as("both earlier ones have left").isNull();
        assertThat(new UpstreamRateCaps(Duration.ofMillis(950), 0, 1000).admit(0, 1001))
                .as("a message bigger than the cap alone").isNotNull();
    }

    @Test
    void zeroTurnsACapOffAndCapsMayChangeAtAnyTime() {
        UpstreamRateCaps caps = new UpstreamRateCaps(Duration.ofMillis(950), 0, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(caps.admit(i, 1_000_000)).isNull();
        }
        caps.set(1000, 0);
        assertThat(caps.admit(1000, 1)).as("the 1000 messages let through still count").isNotNull();
        caps.clear();
        assertThat(caps.admit(1001, 1)).isNull();
    }

    @Test
    void badCapsAndWindowsAreRefused() {
        assertThatThrownBy(() -> new UpstreamRateCaps(Duration.ofMillis(950), -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpstreamRateCaps(Duration.ofMillis(950), 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpstreamRateCaps(Duration.ZERO, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpstreamRateCaps(Duration.ofMillis(1001), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
