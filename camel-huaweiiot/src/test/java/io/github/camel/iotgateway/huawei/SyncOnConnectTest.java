package io.github.camel.iotgateway.huawei;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As Huawei's device SDK does, the gateway asks for the child-device changes it missed on every connect, the first
 * one included, from the version of the last notice it saw, which a persistent state repository keeps across process
 * restarts.
 */
class SyncOnConnectTest {

    private static EmbeddedMqttBroker broker;

    private final String gatewayDeviceId = HuaweiIotTestSupport.PRODUCT_ID + "_gw" + System.nanoTime() % 10_000_000;
    private final List<Long> versionsSeen = new CopyOnWriteArrayList<>();
    private IotdaPlatformSimulator platform;
    private CamelContext camel;

    @TempDir
    Path state;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (platform != null) {
            assertThat(platform.violations()).isEmpty();
            platform.close();
        }
    }

    /** A gateway process: a CamelContext with an events route, its version kept in {@code file} when given. */
    private CamelContext startGateway(File file) throws Exception {
        CamelContext context = new DefaultCamelContext();
        HuaweiIotComponent component = new HuaweiIotComponent();
        HuaweiIotConfiguration c = component.getConfiguration();
        c.setBrokerUrl(broker.brokerUrl());
        c.setGatewayDeviceId(gatewayDeviceId);
        if (file != null) {
            c.setStateRepository(FileStateRepository.fileStateRepository(file));
        }
        context.addComponent("huaweiiot", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:events").process(e -> versionsSeen.add(
                        e.getMessage().getHeader(HuaweiIotConstants.VERSION, Long.class)));
            }
        });
        context.start();
        return context;
    }

    @Test
    void theFirstConnectAsksForASyncToo() throws Exception {
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), gatewayDeviceId);
        long before = platform.syncRequests();

        camel = startGateway(null);

        HuaweiIotTestSupport.await("a sync at the first connect", Duration.ofSeconds(10),
                () -> platform.syncRequests() == before + 1);
        assertThat(platform.lastSyncVersion()).as("nothing seen yet").isNull();
    }

    @Test
    void aRestartedProcessAsksFromTheLastVersionThePreviousOneSawAndGetsWhatChangedMeanwhile() throws Exception {
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), gatewayDeviceId);
        File file = state.resolve("huaweiiot-versions.dat").toFile();

        camel = startGateway(file);
        HuaweiIotTestSupport.await("the first sync", Duration.ofSeconds(10), () -> platform.syncRequests() == 1);
        platform.sendDeleteNotice(41, List.of());
        platform.sendDeleteNotice(42, List.of());
        HuaweiIotTestSupport.await("notices 41 and 42 at the route", Duration.ofSeconds(10),
                () -> versionsSeen.size() == 2);
        camel.stop();
        assertThat(Files.readString(file.toPath())).contains("42");

        // while no gateway process runs, the platform changes the child list
        platform.sendDeleteNotice(43, List.of());
        versionsSeen.clear();

        camel = startGateway(file);

        HuaweiIotTestSupport.await("a sync from version 42", Duration.ofSeconds(10),
                () -> platform.syncRequests() == 2 && Long.valueOf(42).equals(platform.lastSyncVersion()));
        HuaweiIotTestSupport.await("the change made meanwhile", Duration.ofSeconds(10), () -> versionsSeen.contains(43L));
        assertThat(versionsSeen).as("only what came after 42").containsExactly(43L);
    }
}
