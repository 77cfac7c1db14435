package io.github.camel.iotgateway.zookeeper;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.mqtt.cluster.SpreadClusterService;
import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import io.github.camel.iotgateway.mqtt.docs.DocBlocks;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.main.Main;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's high-availability properties, read from the README and run on camel-main: the ZooKeeper ones (alone and
 * with the SpreadClusterService) against a real ZooKeeper, the embedded broker and the Alink simulator; the Kubernetes
 * ones bound onto camel-kubernetes' real cluster service (no Kubernetes API here to lead on).
 */
class ReadmeClusterConfigTest {

    private static final Path README = Path.of("..", "README.md");

    private TestingServer zooKeeper;
    private EmbeddedMqttBroker broker;
    private AlinkPlatformSimulator platform;
    private final String productKey = "a1Gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    private Main main;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new TestingServer(true);
        broker = EmbeddedMqttBroker.start();
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), productKey, "gw-readme");
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        platform.close();
        broker.close();
        zooKeeper.close();
    }

    static List<DocBlock> highAvailabilitySnippets() throws IOException {
        return DocBlocks.in(README, "properties").stream().filter(b -> b.mentions("clusterService")).toList();
    }

    private static DocBlock snippet(String mentioning) throws IOException {
        return highAvailabilitySnippets().stream().filter(b -> b.mentions(mentioning)).findFirst()
                .orElseThrow(() -> new AssertionError("README has no high-availability snippet naming " + mentioning));
    }

    @Test
    void theZooKeeperPropertiesLeadTheGatewayAndKeepItsStateOnZooKeeper() throws Exception {
        CamelContext camel = runOnCamelMain(snippet("ZooKeeperClusterService").text());

        assertThat(camel.getRegistry().lookupByNameAndType("zookeeper", ZooKeeperClusterService.class)).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> logout(camel).getException()
                instanceof AlinkNoSessionException);
        assertThat(broker.connectionLog().openNow((productKey + ".gw-readme")::equals)).isEqualTo(1);
        AlinkSessionComponent component = camel.getComponent("alink-session", AlinkSessionComponent.class);
        assertThat(component.getConfiguration().getStateRepository()).isInstanceOf(ZooKeeperStateRepository.class);
        assertThat(component.getConfiguration().isClustered()).isTrue();
    }

    @Test
    void theSpreadPropertiesWrapTheZooKeeperServiceAndTheGatewayIsLedThroughThem() throws Exception {
        CamelContext camel = runOnCamelMain(snippet("ZooKeeperClusterService").text() + "\n"
                                            + snippet("SpreadClusterService").text());

        AlinkSessionComponent component = camel.getComponent("alink-session", AlinkSessionComponent.class);
        assertThat(component.getConfiguration().getClusterService()).isInstanceOf(SpreadClusterService.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> logout(camel).getException()
                instanceof AlinkNoSessionException);
        assertThat(broker.connectionLog().openNow((productKey + ".gw-readme")::equals)).isEqualTo(1);
    }

    @Test
    void theKubernetesPropertiesBindOntoCamelKubernetesClusterService() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(snippet("KubernetesClusterService").text()));
        main = new Main();
        properties.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        main.addInitialProperty("camel.component.huaweiiot.brokerUrl", broker.brokerUrl());
        main.addInitialProperty("camel.component.huaweiiot.gatewayDeviceId", "65f0c1d2_gw-readme");
        main.start();
        CamelContext camel = main.getCamelContext();

        KubernetesClusterService kubernetes = camel.getRegistry().lookupByNameAndType("kubernetes",
                KubernetesClusterService.class);
        assertThat(kubernetes.getPodName()).isNotBlank();
        assertThat(kubernetes.getNamespace()).isNotBlank();
        assertThat(kubernetes.getClusterLabels()).isEqualTo(Map.of("app", "iot-gateway"));
        HuaweiIotComponent component = camel.getComponent("huaweiiot", HuaweiIotComponent.class);
        assertThat(component.getConfiguration().isClustered()).isTrue();
        assertThat(component.getConfiguration().getClusterService()).isSameAs(kubernetes);
    }

    /** camel-main with the snippet's properties, pointed at the test's ZooKeeper, broker and gateway. */
    private CamelContext runOnCamelMain(String snippet) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(snippet));
        main = new Main();
        properties.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        main.addOverrideProperty("zookeeper.nodes", zooKeeper.getConnectString());
        main.addInitialProperty("camel.component.alink-session.brokerUrl", broker.brokerUrl());
        main.addInitialProperty("camel.component.alink-session.gatewayProductKey", productKey);
        main.addInitialProperty("camel.component.alink-session.gatewayDeviceName", "gw-readme");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:logout").to("alink-session:logout");
            }
        });
        main.start();
        return main.getCamelContext();
    }

    private static Exchange logout(CamelContext camel) {
        return camel.createProducerTemplate().send("direct:logout",
                e -> e.getMessage().setBody(new SubDeviceId(ClusterTests.SUB_PK, "never-online")));
    }
}
