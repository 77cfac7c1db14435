package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CamelContext with huaweiiot pointed at an embedded MQTT broker and an IoTDA platform simulator for a gateway of
 * its own (a fresh gateway id per test, so tests never see each other's messages).
 */
abstract class HuaweiIotTestSupport extends CamelTestSupport {

    static final String PRODUCT_ID = "6650a1b2c3d4e5f6a7b8c9d0";
    private static EmbeddedMqttBroker broker;

    protected final String gatewayDeviceId = PRODUCT_ID + "_gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    protected IotdaPlatformSimulator platform;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    protected static EmbeddedMqttBroker broker() {
        return broker;
    }

    protected String brokerUrl() {
        return broker.brokerUrl();
    }

    /** Requests the component published, as the broker counted them. */
    protected long requestsPublished() {
        return broker.publishCount(platform.topics().eventsUp());
    }

    /** Options every test's component gets; tests add their own on the URI. */
    protected void configure(HuaweiIotConfiguration configuration) {
        configuration.setBrokerUrl(brokerUrl());
        configuration.setGatewayDeviceId(gatewayDeviceId);
        configuration.setRequestTimeout(5000);
        // the tests count the requests of the operation under test on the wire; the sync at each connect (on by
        // default) has tests of its own, which turn it on again
        configuration.setSyncOnConnect(false);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        platform = IotdaPlatformSimulator.start(brokerUrl(), gatewayDeviceId);
        CamelContext camel = super.createCamelContext();
        HuaweiIotComponent component = new HuaweiIotComponent();
        configure(component.getConfiguration());
        camel.addComponent("huaweiiot", component);
        return camel;
    }

    @AfterEach
    void platformSawNoProtocolViolation() {
        if (platform != null) {
            assertThat(platform.violations()).as("protocol violations seen by the platform").isEmpty();
            if (!isCreateCamelContextPerClass()) {
                platform.close();
            }
        }
    }

    /** The gateway's connection, as the component holds it (started by the endpoints of the test). */
    protected GatewayConnection connection() throws Exception {
        HuaweiIotComponent component = context.getComponent("huaweiiot", HuaweiIotComponent.class);
        return component.gatewayClients().get(0).connection();
    }

    /** Child device_ids {@code PRODUCT_ID_prefix-000} ... */
    static List<String> deviceIds(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> PRODUCT_ID + "_" + prefix + "-" + String.format("%03d", i))
                .toList();
    }

    protected void registerChildren(List<String> deviceIds) {
        deviceIds.forEach(platform::registerChild);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
