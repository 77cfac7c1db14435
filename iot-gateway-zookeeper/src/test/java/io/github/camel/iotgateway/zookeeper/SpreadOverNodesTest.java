package io.github.camel.iotgateway.zookeeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.zookeeper.AlinkClusterNode.Gateway;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twenty clustered gateways on three nodes (JVMs of their own) whose cluster service is a SpreadClusterService over
 * camel-zookeeper's: each node leads 6 or 7 of them; when one is killed, the other two lead all 20, 10 each. At no
 * moment does the broker see two connections of one gateway.
 */
class SpreadOverNodesTest {

    private static final int GATEWAYS = 20;

    private TestingServer zooKeeper;
    private EmbeddedMqttBroker broker;
    private final List<Gateway> gateways = new ArrayList<>();
    private final List<ClusterNodeProcess> nodes = new ArrayList<>();

    @BeforeEach
    void startThreeNodes() throws Exception {
        zooKeeper = new TestingServer(true);
        broker = EmbeddedMqttBroker.start();
        String productKey = "a1Sp" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        IntStream.range(0, GATEWAYS).forEach(i -> gateways.add(new Gateway(productKey, String.format("gw-%02d", i))));
        for (String name : List.of("node-a", "node-b", "node-c")) {
            nodes.add(new ClusterNodeProcess(name, zooKeeper.getConnectString(), broker.brokerUrl(),
                    FailoverKillTest.SESSION_TIMEOUT_MILLIS, true, gateways));
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ClusterNodeProcess node : nodes) {
            node.close();
        }
        broker.close();
        zooKeeper.close();
    }

    @Test
    void twentyGatewaysOverThreeNodesAreSpreadSixOrSevenEachAndAllMoveWhenANodeDies() throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> spreadIs(nodes, 6, 7) && everyGatewayConnectedOnce());

        ClusterNodeProcess killed = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
        killed.kill();
        List<ClusterNodeProcess> survivors = nodes.stream().filter(n -> n != killed).toList();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> spreadIs(survivors, 10, 10) && everyGatewayConnectedOnce());
        for (Gateway gateway : gateways) {
            assertThat(broker.connectionLog().maxOpenAtOnce(gateway.clientId()::equals))
                    .as("connections of " + gateway.clientId() + " open at once").isEqualTo(1);
        }
    }

    /** Every gateway led by exactly one of {@code live}, each leading between {@code least} and {@code most}. */
    private static boolean spreadIs(List<ClusterNodeProcess> live, int least, int most) {
        Set<Integer> led = new HashSet<>();
        int total = 0;
        for (ClusterNodeProcess node : live) {
            List<Integer> leads = node.leads();
            if (leads.size() < least || leads.size() > most) {
                return false;
            }
            led.addAll(leads);
            total += leads.size();
        }
        return total == GATEWAYS && led.size() == GATEWAYS;
    }

    private boolean everyGatewayConnectedOnce() {
        return gateways.stream().allMatch(g -> broker.connectionLog().openNow(g.clientId()::equals) == 1);
    }
}
