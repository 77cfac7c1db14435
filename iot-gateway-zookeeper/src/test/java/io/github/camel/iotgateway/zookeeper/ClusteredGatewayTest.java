package io.github.camel.iotgateway.zookeeper;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.mqtt.GatewayNotLeaderException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.zookeeper.AlinkClusterNode.Gateway;
import org.apache.camel.Exchange;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (CamelContexts with their own ZooKeeper sessions) configured with the same clustered alink-session gateway,
 * on a real ZooKeeper (Curator's TestingServer), the embedded broker and the Alink simulator, which takes a gateway's
 * sub-devices offline when its connection goes, as the platform does.
 */
class ClusteredGatewayTest {

    private static final String SUB_PK = "a1SubPk0001";
    private static final int SESSION_TIMEOUT_MILLIS = 4_000;

    private static TestingServer zooKeeper;
    private static EmbeddedMqttBroker broker;

    private Gateway gateway;
    private AlinkPlatformSimulator platform;
    private AlinkClusterNode first;
    private AlinkClusterNode second;

    @BeforeAll
    static void startZooKeeperAndBroker() throws Exception {
        zooKeeper = new TestingServer(true);
        broker = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopZooKeeperAndBroker() throws Exception {
        broker.close();
        zooKeeper.close();
    }

    @BeforeEach
    void startTwoNodes() throws Exception {
        gateway = new Gateway("a1Gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "gw-ha");
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), gateway.productKey(), gateway.deviceName())
                .followGatewayConnection(broker);
        IntStream.range(0, 60).forEach(i -> platform.registerSubDevice(SUB_PK, device(i), "secret-" + device(i)));
        first = node("node-a");
        second = node("node-b");
    }

    @AfterEach
    void stopNodes() {
        for (AlinkClusterNode node : new AlinkClusterNode[] { first, second }) {
            if (node != null) {
                node.close();
            }
        }
        assertThat(platform.violations()).isEmpty();
        platform.close();
    }

    @Test
    void onlyTheLeaderConnectsAndAFollowersRequestFailsFastNamingTheNamespace() {
        AlinkClusterNode leader = awaitLeader();
        AlinkClusterNode follower = leader == first ? second : first;

        await().atMost(Duration.ofSeconds(10)).until(() -> openConnections() == 1);
        Exchange onLeader = leader.logout(0, SUB_PK, "never-online");
        Exchange onFollower = follower.logout(0, SUB_PK, "never-online");

        assertThat(onLeader.getException()).isInstanceOf(AlinkNoSessionException.class);
        assertThat(onFollower.getException()).isInstanceOf(GatewayNotLeaderException.class)
                .hasMessageContaining(gateway.namespace()).hasMessageContaining("published nothing");
        assertThat(((GatewayNotLeaderException) onFollower.getException()).getNamespace())
                .isEqualTo(gateway.namespace());
        assertThat(broker.connectionLog().maxOpenAtOnce(ours())).isEqualTo(1);
    }

    @Test
    void aRouteWithAClusteredRoutePolicyOnTheGatewaysNamespaceRunsOnlyWhereTheGatewayIsLed() {
        AlinkClusterNode leader = awaitLeader();
        AlinkClusterNode follower = leader == first ? second : first;

        await().atMost(Duration.ofSeconds(10)).until(leader::runsTheLeaderOnlyRoute);
        assertThat(follower.runsTheLeaderOnlyRoute()).isFalse();
    }

    @Test
    void aFollowerIsAHealthyStandbyAndItsHealthSaysWhoLeads() {
        AlinkClusterNode leader = awaitLeader();
        AlinkClusterNode follower = leader == first ? second : first;

        org.apache.camel.health.HealthCheck.Result standby = follower.health(0);
        org.apache.camel.health.HealthCheck.Result leading = leader.health(0);

        assertThat(standby.getState()).isEqualTo(org.apache.camel.health.HealthCheck.State.UP);
        assertThat(standby.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("another node leads"));
        assertThat(standby.getDetails()).containsEntry("cluster.leading", false)
                .containsEntry("cluster.namespace", gateway.namespace());
        assertThat(leading.getState()).isEqualTo(org.apache.camel.health.HealthCheck.State.UP);
        assertThat(leading.getDetails()).containsEntry("cluster.leading", true);
    }

    @Test
    void whenTheLeaderStopsTheOtherNodeConnectsOnceAndLogsTheSubDevicesInAgain() {
        AlinkClusterNode leader = awaitLeader();
        AlinkClusterNode follower = leader == first ? second : first;
        IntStream.range(0, 40).forEach(i -> assertThat(leader.login(0, SUB_PK, device(i), "secret-" + device(i))
                .getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200));
        IntStream.range(0, 5).forEach(i -> leader.logout(0, SUB_PK, device(i)));
        Set<SubDeviceId> online = platform.onlineSubDevices();
        assertThat(online).hasSize(35);

        leader.close();
        if (leader == first) {
            first = null;
        } else {
            second = null;
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> follower.leads(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.onlineSubDevices().equals(online));
        assertThat(follower.logout(0, SUB_PK, device(39)).getMessage().getHeader(AlinkSessionConstants.CODE))
                .isEqualTo(200);
        assertThat(broker.connectionLog().maxOpenAtOnce(ours())).isEqualTo(1);
    }

    @Test
    void aLeaderThatLosesItsZooKeeperSessionDisconnectsBeforeTheOtherNodeLeads() throws Exception {
        AlinkClusterNode leader = awaitLeader();
        AlinkClusterNode follower = leader == first ? second : first;
        await().atMost(Duration.ofSeconds(10)).until(() -> openConnections() == 1);
        assertThat(leader.login(0, SUB_PK, device(50), "secret-" + device(50)).getException()).isNull();

        leader.loseZooKeeperSession();

        await().atMost(Duration.ofSeconds(SESSION_TIMEOUT_MILLIS / 1000 + 15)).until(() -> follower.leads(0));
        // the old leader's connection closed, the new leader's opened, and the sub-device logged in again by it
        await().atMost(Duration.ofSeconds(15)).until(() -> broker.connectionLog().connections(ours()).size() >= 2
                                                         && openConnections() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.isOnline(SUB_PK, device(50)));
        assertThat(broker.connectionLog().maxOpenAtOnce(ours())).as("connections of the gateway open at once")
                .isEqualTo(1);
    }

    /** The node that leads, once its gateway is connected and subscribed (a request there gets the platform's answer). */
    private AlinkClusterNode awaitLeader() {
        await().atMost(Duration.ofSeconds(15)).until(() -> first.leads(0) || second.leads(0));
        AlinkClusterNode leader = first.leads(0) ? first : second;
        await().atMost(Duration.ofSeconds(10)).until(() -> leader.logout(0, SUB_PK, "never-online").getException()
                instanceof AlinkNoSessionException);
        return leader;
    }

    private long openConnections() {
        return broker.connectionLog().openNow(ours());
    }

    private Predicate<String> ours() {
        return clientId -> clientId.equals(gateway.clientId());
    }

    private AlinkClusterNode node(String name) throws Exception {
        return AlinkClusterNode.onZooKeeper(name, zooKeeper.getConnectString(), broker.brokerUrl(), List.of(gateway),
                SESSION_TIMEOUT_MILLIS, false);
    }

    private static String device(int i) {
        return String.format("ha-%03d", i);
    }
}
