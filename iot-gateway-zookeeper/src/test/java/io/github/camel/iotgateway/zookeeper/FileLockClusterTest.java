package io.github.camel.iotgateway.zookeeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.mqtt.GatewayNotLeaderException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.zookeeper.AlinkClusterNode.Gateway;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On one host, camel-file's FileLockClusterService decides the leader the same way: two nodes on one lock directory,
 * one connects the gateway, the other fails fast; when the leader stops, the other takes the lock, connects once and
 * logs the sub-devices in again (their online set in a state repository both nodes reach).
 */
class FileLockClusterTest {

    private static final String SUB_PK = ClusterTests.SUB_PK;

    private EmbeddedMqttBroker broker;
    private AlinkPlatformSimulator platform;
    private Gateway gateway;
    private AlinkClusterNode first;
    private AlinkClusterNode second;

    @BeforeEach
    void startTwoNodesOnOneLockDirectory() throws Exception {
        broker = EmbeddedMqttBroker.start();
        gateway = new Gateway("a1Gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "gw-file");
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), gateway.productKey(), gateway.deviceName())
                .followGatewayConnection(broker);
        IntStream.range(0, 20).forEach(i -> platform.registerSubDevice(SUB_PK, "file-" + i, "secret-" + i));
        Path locks = Files.createTempDirectory("gateway-locks-");
        // both nodes reach it, as they would a shared store; started here, it outlives either node
        MemoryStateRepository state = new MemoryStateRepository();
        state.start();
        first = new AlinkClusterNode("file-a", lockService(locks, "file-a"), state, broker.brokerUrl(), List.of(gateway),
                null);
        second = new AlinkClusterNode("file-b", lockService(locks, "file-b"), state, broker.brokerUrl(),
                List.of(gateway), null);
    }

    private static FileLockClusterService lockService(Path root, String id) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(id);
        service.setRoot(root.toString());
        service.setAcquireLockDelay(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        return service;
    }

    @AfterEach
    void stopAll() {
        for (AlinkClusterNode node : new AlinkClusterNode[] { first, second }) {
            if (node != null) {
                node.close();
            }
        }
        platform.close();
        broker.close();
    }

    @Test
    void theNodeHoldingTheLockConnectsAndTheOtherTakesOverWhenItStops() {
        await().atMost(Duration.ofSeconds(15)).until(() -> first.leads(0) ^ second.leads(0));
        AlinkClusterNode leader = first.leads(0) ? first : second;
        AlinkClusterNode follower = leader == first ? second : first;
        await().atMost(Duration.ofSeconds(10)).until(() -> leader.logout(0, SUB_PK, "never-online").getException()
                instanceof AlinkNoSessionException);
        assertThat(follower.logout(0, SUB_PK, "never-online").getException())
                .isInstanceOf(GatewayNotLeaderException.class);
        IntStream.range(0, 20).forEach(i -> assertThat(leader.login(0, SUB_PK, "file-" + i, "secret-" + i)
                .getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200));
        Set<SubDeviceId> online = platform.onlineSubDevices();

        leader.close();
        if (leader == first) {
            first = null;
        } else {
            second = null;
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> follower.leads(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.onlineSubDevices().equals(online));
        assertThat(broker.connectionLog().maxOpenAtOnce(gateway.clientId()::equals)).isEqualTo(1);
        assertThat(broker.connectionLog().connections(gateway.clientId()::equals)).hasSize(2);
    }
}
