package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The turns to reconnect: evenly spaced at the rate, given in the order asked, free again once the rate allows. */
class ReconnectPaceTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void gatewaysWhoseBackOffEndsTogetherTakeTurnsSpacedAtTheRate() {
        ReconnectPace pace = new ReconnectPace(4);
        long now = 1_000 * SECOND;

        assertThat(pace.takeTurn(now)).isZero();
        assertThat(pace.takeTurn(now)).isEqualTo(SECOND / 4);
        assertThat(pace.takeTurn(now)).isEqualTo(SECOND / 2);
        assertThat(pace.takeTurn(now + SECOND / 2)).as("asked later, it waits what is left of its turn")
                .isEqualTo(SECOND / 4);
    }

    @Test
    void aTurnAskedAfterTheTakenOnesBeginsAtOnce() {
        ReconnectPace pace = new ReconnectPace(10);
        long now = -5 * SECOND;

        pace.takeTurn(now);
        pace.takeTurn(now);

        assertThat(pace.takeTurn(now + SECOND)).isZero();
        assertThat(pace.takeTurn(now + SECOND)).isEqualTo(SECOND / 10);
    }

    @Test
    void noLimitGivesEveryoneTheirTurnAtOnce() {
        ReconnectPace pace = new ReconnectPace(0);

        for (int i = 0; i < 1000; i++) {
            assertThat(pace.takeTurn(42)).isZero();
        }
    }

    @Test
    void aNegativeRateIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> GatewayExecutors.start(new DefaultCamelContext(), this, "pace", 1, 1, -1, 10))
                .isInstanceOf(InvalidGatewayOptionException.class).hasMessageContaining("maxReconnectsPerSecond");
    }
}
