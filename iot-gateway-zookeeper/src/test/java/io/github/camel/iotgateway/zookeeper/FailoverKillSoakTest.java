package io.github.camel.iotgateway.zookeeper;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FailoverKillTest} five times in a row, each on a fresh ZooKeeper, broker and cluster of three JVMs, with
 * the median failover printed: {@code mvn -pl iot-gateway-zookeeper test -Dgroups=cluster-kills -DexcludedGroups=}.
 */
@Tag("cluster-kills")
class FailoverKillSoakTest extends FailoverKillTest {

    private static final List<FailoverFigures> KILLS = new ArrayList<>();

    @Override
    void killingTheLeaderMidLogoutsFailsOverWithinTheSessionTimeoutWithOneConnectionAndTheSessionsBack() {
        // the single kill is FailoverKillTest's; this class runs the repeated one only
    }

    @RepeatedTest(5)
    void killTheLeader() throws Exception {
        FailoverFigures figures = killLeaderOnce();
        KILLS.add(figures);
        assertThat(figures.doubleConnections()).isZero();
        assertThat(figures.missingSessions()).isEmpty();
        assertThat(figures.millisToFirstSuccess()).isLessThanOrEqualTo(SESSION_TIMEOUT_MILLIS + 5_000);
    }

    @AfterAll
    static void printMedian() {
        List<Long> millis = KILLS.stream().map(FailoverFigures::millisToFirstSuccess).sorted().toList();
        System.out.printf("failover over %d kills -9: median %d ms from the kill to the new leader's first successful"
                          + " request (all: %s; ZooKeeper session timeout %d ms); double connections %d; sub-devices"
                          + " not back %d%n", millis.size(), millis.isEmpty() ? -1 : millis.get(millis.size() / 2),
                millis, SESSION_TIMEOUT_MILLIS, KILLS.stream().mapToInt(FailoverFigures::doubleConnections).sum(),
                KILLS.stream().mapToInt(k -> k.missingSessions().size()).sum());
    }
}
