package io.github.camel.iotgateway.kamelets;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A CamelContext as a user's application has it: the kamelets of this module on the classpath, their properties set
 * the way application.properties sets them ({@code camel.kamelet.<name>.<property>}), and routes loaded from YAML files
 * of {@code src/test/resources/routes}. The gateway's side is a real MQTT broker (embedded Artemis on a free port) and
 * a platform simulator that each test class starts for a gateway of its own.
 */
abstract class KameletTestSupport extends CamelTestSupport {

    private static EmbeddedMqttBroker broker;

    /** A platform simulator a test started, with what it saw the gateway do wrong. */
    private record StartedPlatform(String name, Runnable close, Supplier<List<String>> violations) {
    }

    private final List<StartedPlatform> platforms = new ArrayList<>();

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

    /**
     * Starts the platform simulator of this test's gateway ({@link #alinkPlatform}, {@link #iotdaPlatform}); called
     * before the CamelContext is created.
     */
    protected abstract void startPlatform();

    /** The Alibaba platform of a gateway on this test's broker: closed after the test, which it fails on a violation. */
    protected AlinkPlatformSimulator alinkPlatform(String gatewayProductKey, String gatewayDeviceName) {
        AlinkPlatformSimulator platform = AlinkPlatformSimulator.start(broker.brokerUrl(), gatewayProductKey,
                gatewayDeviceName);
        platforms.add(new StartedPlatform("the Alibaba platform", platform::close, platform::violations));
        return platform;
    }

    /** IoTDA for a gateway on this test's broker: closed after the test, which it fails on a violation. */
    protected IotdaPlatformSimulator iotdaPlatform(String gatewayDeviceId) {
        IotdaPlatformSimulator platform = IotdaPlatformSimulator.start(broker.brokerUrl(), gatewayDeviceId);
        platforms.add(new StartedPlatform("IoTDA", platform::close, platform::violations));
        return platform;
    }

    /** A product key of an Alibaba gateway no other test class uses, so no session of another test's gateway is seen. */
    static String uniqueAlinkProductKey() {
        return "a1Gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /** The device_id of an IoTDA gateway of the product no other test class uses. */
    static String uniqueIotdaGatewayId(String productId) {
        return productId + "_gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /** What the application's properties file would say: here the kamelets' own gateway settings, if any. */
    protected Properties applicationProperties() {
        return new Properties();
    }

    /**
     * The gateway set once on the component instead, as {@code camel.component.<scheme>.*} properties do in camel-main
     * (which a bare CamelContext does not read); the kamelets then need no gateway properties of their own.
     */
    protected void configureComponents(CamelContext camel) throws Exception {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        startPlatform();
        CamelContext camel = super.createCamelContext();
        camel.getPropertiesComponent().setInitialProperties(applicationProperties());
        configureComponents(camel);
        return camel;
    }

    /** Closes every platform the test started, and fails the test if any saw a protocol violation. */
    @AfterEach
    void closeThePlatforms() {
        broker.setConnectAuthenticator(null);
        SoftAssertions softly = new SoftAssertions();
        platforms.forEach(p -> softly.assertThat(p.violations().get()).as("protocol violations seen by %s", p.name())
                .isEmpty());
        platforms.forEach(p -> p.close().run());
        platforms.clear();
        softly.assertAll();
    }

    /** Waits up to 5 s for a condition that another thread (the platform, the broker) makes true. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Loads (and starts) the routes of a YAML file, as camel-main's routes-include-pattern would. */
    protected void loadRoutes(String file) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context).resolveResource("classpath:routes/" + file));
    }
}
