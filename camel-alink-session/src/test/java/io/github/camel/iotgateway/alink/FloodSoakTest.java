package io.github.camel.iotgateway.alink;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The flood of {@link FloodTest}, ten times as long (a million logouts, about 40 s on two cores), to show that nothing
 * accumulates over time. Not part of the default build; run it with
 * {@code mvn -pl camel-alink-session test -Dgroups=soak -DexcludedGroups=} (and {@code -Dsoak.count=N} for another
 * size).
 */
@Tag("soak")
class FloodSoakTest extends FloodTest {

    private static final int SOAK_COUNT = Integer.getInteger("soak.count", 1_000_000);

    private final AlinkFlood soak = new AlinkFlood(SOAK_COUNT);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return soak.route();
    }

    @Override
    @Test
    void aFloodOfMisbehavingRepliesEndsEveryExchangeOnceWithATypedOutcomeAndLeavesNothingPending() throws Exception {
        flood(soak);
    }
}
