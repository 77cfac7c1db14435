package io.github.camel.iotgateway.zookeeper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import io.github.camel.iotgateway.huawei.HuaweiIotConstants;
import io.github.camel.iotgateway.mqtt.GatewayNotLeaderException;
import io.github.camel.iotgateway.mqtt.cluster.GatewayCluster;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clustered huaweiiot gateway on two nodes: the one that takes over asks the platform for the child-device changes
 * since the last notice the previous leader saw (its version kept in a ZooKeeperStateRepository), and its events
 * route gets what changed meanwhile.
 */
class ClusteredHuaweiGatewayTest {

    private final String gatewayDeviceId = "65f0c1d2e3a4b5_gw" + System.nanoTime() % 10_000_000;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private TestingServer zooKeeper;
    private EmbeddedMqttBroker broker;
    private IotdaPlatformSimulator platform;
    private Node first;
    private Node second;

    /** A CamelContext with the clustered gateway, its events route and a producer route. */
    private final class Node implements AutoCloseable {
        final CuratorFramework curator;
        final CamelContext camel = new DefaultCamelContext();

        Node(String name) throws Exception {
            curator = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), 4_000, 5_000,
                    new ExponentialBackoffRetry(100, 10, 1_000));
            curator.start();
            ZooKeeperCuratorConfiguration zk = new ZooKeeperCuratorConfiguration();
            zk.setCuratorFramework(curator);
            zk.setBasePath("/camel/cluster");
            ZooKeeperClusterService cluster = new ZooKeeperClusterService(zk);
            cluster.setId(name);
            ZooKeeperStateRepository state = new ZooKeeperStateRepository();
            state.setCuratorFramework(curator);
            camel.addService(cluster);
            camel.addService(state);
            HuaweiIotComponent component = new HuaweiIotComponent();
            HuaweiIotConfiguration c = component.getConfiguration();
            c.setBrokerUrl(broker.brokerUrl());
            c.setGatewayDeviceId(gatewayDeviceId);
            c.setClustered(true);
            c.setStateRepository(state);
            camel.addComponent("huaweiiot", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("huaweiiot:events").process(e -> events.add(name + ":"
                                                                     + e.getMessage().getHeader(HuaweiIotConstants.VERSION)));
                    from("direct:delete").to("huaweiiot:deleteSubDevice");
                }
            });
            camel.start();
        }

        boolean leads() {
            return camel.hasService(ZooKeeperClusterService.class).isLeader(GatewayCluster.defaultNamespace(gatewayDeviceId));
        }

        Exchange delete(String child) {
            return camel.createProducerTemplate().send("direct:delete", e -> e.getMessage().setBody(child));
        }

        @Override
        public void close() {
            camel.stop();
            curator.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new TestingServer(true);
        broker = EmbeddedMqttBroker.start();
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), gatewayDeviceId);
        first = new Node("node-a");
        second = new Node("node-b");
    }

    @AfterEach
    void stop() throws Exception {
        for (Node node : new Node[] { first, second }) {
            if (node != null) {
                node.close();
            }
        }
        assertThat(platform.violations()).isEmpty();
        platform.close();
        broker.close();
        zooKeeper.close();
    }

    @Test
    void theNewLeaderAsksForTheChangesSinceTheLastNoticeThePreviousLeaderSaw() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> first.leads() ^ second.leads());
        Node leader = first.leads() ? first : second;
        Node follower = leader == first ? second : first;
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.syncRequests() == 1);
        assertThat(follower.delete("child-1").getException()).isInstanceOf(GatewayNotLeaderException.class);
        platform.sendDeleteNotice(41, List.of());
        platform.sendDeleteNotice(42, List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
        String leaderName = leader.camel.hasService(ZooKeeperClusterService.class).getId();
        assertThat(events).containsExactly(leaderName + ":41", leaderName + ":42");

        leader.close();
        if (leader == first) {
            first = null;
        } else {
            second = null;
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> platform.syncRequests() == 2);
        assertThat(platform.lastSyncVersion()).as("the version the new leader asks from").isEqualTo(42L);
        assertThat(broker.connectionLog().maxOpenAtOnce(id -> id.startsWith(gatewayDeviceId))).isEqualTo(1);
    }
}
