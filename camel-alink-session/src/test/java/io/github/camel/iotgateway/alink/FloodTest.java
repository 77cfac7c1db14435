package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform floods: replies are dropped, duplicated, delayed past the timeout, reordered, malformed (not JSON, wrong
 * types, 256 KB) or for ids nobody asked, while single logouts pour in, a few thousand in flight. Nothing crashes,
 * nothing leaks, each exchange ends exactly once with a success or a typed error, and the counters say what was
 * dropped.
 */
class FloodTest extends AlinkTestSupport {

    /** About 10 s on two cores; {@link FloodSoakTest} floods ten times as long. */
    static final int COUNT = 100_000;
    static final int MAX_IN_FLIGHT = 5_000;
    static final long REQUEST_TIMEOUT = 2_000;
    /** Late replies come this long after their request: past the timeout. */
    static final long LATE_BY = 2_500;

    private final AlinkFlood flood = new AlinkFlood(COUNT);

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(REQUEST_TIMEOUT);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return flood.route();
    }

    @Test
    void aFloodOfMisbehavingRepliesEndsEveryExchangeOnceWithATypedOutcomeAndLeavesNothingPending() throws Exception {
        AlinkFlood.Figures figures = flood(flood);

        assertThat(figures.succeeded()).isPositive();
        assertThat(figures.failedByType()).containsKeys("AlinkSessionTimeoutException", "AlinkNoSessionException");
    }

    /** Runs the flood with every misbehaviour on, prints its figures and checks what holds for any flood size. */
    AlinkFlood.Figures flood(AlinkFlood flood) throws Exception {
        platform.setMisbehaviourSeed(6L);
        platform.setDropReplies(0.02);
        platform.setDelayPastTimeout(LATE_BY, 0.02);
        platform.setMalformedReplies(0.03);
        platform.setDuplicateReplies(true);
        platform.setReorderReplies(true);
        platform.setUnsolicitedReplies(true);

        AlinkFlood.Figures figures = flood.run(context, platform, this::connection, MAX_IN_FLIGHT, 200, LATE_BY + 1_000);
        System.out.println("alink flood: " + figures);

        assertThat(figures.endedTwice()).as("exchanges that ended twice").isZero();
        assertThat(figures.neverEnded()).as("exchanges that never ended").isZero();
        assertThat(figures.succeeded() + figures.failed()).isEqualTo(figures.sent());
        assertThat(figures.failedByType().keySet()).as("failure types").noneMatch(t -> t.startsWith("UNEXPECTED"));
        assertThat(figures.pendingAfter()).as("requests left in the correlation table").isZero();
        assertThat(figures.repliesUnmatched()).as("replies nobody waited for").isPositive();
        assertThat(figures.timeouts()).as("requests timed out").isPositive();
        assertThat(figures.malformedMessages()).as("malformed messages dropped").isPositive();
        assertThat(figures.platform().dropped()).isPositive();
        assertThat(figures.platform().delayed()).isPositive();
        assertThat(figures.platform().malformed()).isPositive();
        // a leak of one pending request or exchange per logout would hold hundreds of bytes each, tens of MB in all
        assertThat(figures.heapGrowthBytes()).as("used heap growth after GC").isLessThan(32L * 1024 * 1024);
        return figures;
    }

    /** The gateway's connection, as the component holds it for the flood's endpoint. */
    GatewayConnection connection() throws Exception {
        AlinkSessionComponent component = context.getComponent("alink-session", AlinkSessionComponent.class);
        return component.gatewayClients().get(0).connection();
    }
}
