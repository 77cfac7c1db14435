package io.github.camel.iotgateway.kamelets;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
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

    /** Starts the platform simulator of this test's gateway; called before the CamelContext is created. */
    protected abstract void startPlatform();

    /** Closes it again; called after each test. */
    protected abstract void closePlatform();

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

    @AfterEach
    void closeThePlatform() {
        broker.setConnectAuthenticator(null);
        closePlatform();
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
