package io.github.camel.iotgateway.alink;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CamelContext with alink-session pointed at a real MQTT broker and an Alink platform simulator for a gateway of its
 * own. By default the broker is embedded Artemis; the Mosquitto* subclasses run the same tests against the Mosquitto on
 * 127.0.0.1:1883 instead.
 */
abstract class AlinkTestSupport extends CamelTestSupport {

    static final String SUB_PK = "a1SubPk0001";
    private static EmbeddedMqttBroker embedded;

    protected final String gatewayProductKey = "a1Gw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    protected final String gatewayDeviceName = "gw-01";
    protected AlinkPlatformSimulator platform;

    @BeforeAll
    static void startBroker() {
        embedded = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (embedded != null) {
            embedded.close();
        }
    }

    protected String brokerUrl() {
        return embedded.brokerUrl();
    }

    protected static EmbeddedMqttBroker embeddedBroker() {
        return embedded;
    }

    /** Messages of an operation as the broker saw them (the embedded broker counts PUBLISH packets itself). */
    protected long messagesSeen(SessionOperation operation) {
        return embedded.publishCount(platform.topics().request(operation));
    }

    /** The QoS levels session messages were published at, as the broker saw them. */
    protected java.util.Set<Integer> qosSeen(SessionOperation operation) {
        return embedded.qosCounts(platform.topics().request(operation)).keySet();
    }

    protected int maxOnlineSubDevices() {
        return 1000;
    }

    /** The platform every test gets (its throttles at the platform's figures); tests change it. */
    protected AlinkPlatformSimulator.Builder configure(AlinkPlatformSimulator.Builder platform) {
        return platform;
    }

    /** Options every test's component gets; tests add their own. */
    protected void configure(AlinkSessionConfiguration configuration) {
        configuration.setBrokerUrl(brokerUrl());
        configuration.setGatewayProductKey(gatewayProductKey);
        configuration.setGatewayDeviceName(gatewayDeviceName);
        configuration.setRequestTimeout(5000);
        configuration.setMaxOnlineSubDevices(maxOnlineSubDevices());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        platform = configure(AlinkPlatformSimulator.builder(brokerUrl(), gatewayProductKey, gatewayDeviceName)
                .maxOnlineSubDevices(maxOnlineSubDevices())).start();
        CamelContext camel = super.createCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        configure(component.getConfiguration());
        camel.addComponent("alink-session", component);
        return camel;
    }

    @AfterEach
    void platformSawNoProtocolViolation() {
        if (platform != null) {
            assertThat(platform.violations()).as("protocol violations seen by the platform").isEmpty();
            platform.close();
        }
    }

    static List<SubDeviceId> devices(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> new SubDeviceId(SUB_PK, prefix + "-" + String.format("%03d", i))).toList();
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
