package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.MqttClientListener;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import io.github.camel.iotgateway.mqtt.client.MqttGatewayClient;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateways of routes started with the CamelContext connect in parallel, at most maxParallelConnects at once, and
 * the route consumers start only once every gateway has connected. Observed through the client seam: a Paho factory
 * that counts the connects under way.
 */
class ParallelStartTest extends AlinkTestSupport {

    private static final int GATEWAYS = 12;
    private static final int PARALLEL = 3;
    private final List<AlinkPlatformSimulator> platforms = new ArrayList<>();
    private CamelContext fleet;

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.stop();
        }
        platforms.forEach(AlinkPlatformSimulator::close);
    }

    @Test
    void gatewaysStartedWithTheContextConnectInParallelBoundedAndBeforeAnyConsumerRuns() throws Exception {
        CountingFactory counting = new CountingFactory();
        fleet = new DefaultCamelContext();
        fleet.getRegistry().bind("countingFactory", counting);
        AlinkSessionComponent component = new AlinkSessionComponent();
        configure(component.getConfiguration());
        component.getConfiguration().setMaxParallelConnects(PARALLEL);
        fleet.addComponent("alink-session", component);
        for (int i = 0; i < GATEWAYS; i++) {
            String pk = "a1Start" + String.format("%05d", i);
            AlinkPlatformSimulator platform = AlinkPlatformSimulator.start(brokerUrl(), pk, gatewayDeviceName);
            platform.setOnline(SUB_PK, "start-001");
            platforms.add(platform);
        }
        fleet.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < GATEWAYS; i++) {
                    String pk = "a1Start" + String.format("%05d", i);
                    // fires as soon as its consumer starts: its gateway must be connected by then
                    from("timer:first-" + i + "?repeatCount=1&delay=1")
                            .setBody(constant(new SubDeviceId(SUB_PK, "start-001")))
                            .to("alink-session:logout?batching=false&mqttClientFactory=#countingFactory"
                                + "&gatewayProductKey=" + pk)
                            .to("mock:logged-out");
                }
            }
        });

        fleet.start();

        assertThat(counting.started.get()).as("connects begun").isEqualTo(GATEWAYS);
        assertThat(counting.maxAtOnce.get()).as("connects under way at once").isGreaterThan(1)
                .isLessThanOrEqualTo(PARALLEL);
        MockEndpoint loggedOut = fleet.getEndpoint("mock:logged-out", MockEndpoint.class);
        loggedOut.expectedMessageCount(GATEWAYS);
        loggedOut.assertIsSatisfied(10_000);
        assertThat(loggedOut.getExchanges()).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(platforms).allSatisfy(p -> assertThat(p.isOnline(SUB_PK, "start-001")).isFalse());
    }

    /** Paho's factory, counting how many connects are under way at once. */
    static final class CountingFactory implements MqttClientFactory {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger underWay = new AtomicInteger();
        final AtomicInteger maxAtOnce = new AtomicInteger();
        private final PahoClientFactory paho = new PahoClientFactory();

        @Override
        public MqttGatewayClient create(MqttClientSettings settings, String clientId) throws GatewayException {
            MqttGatewayClient client = paho.create(settings, clientId);
            return new MqttGatewayClient() {
                @Override
                public void setListener(MqttClientListener listener) {
                    client.setListener(listener);
                }

                @Override
                public void connect(ConnectIdentity identity) throws GatewayException {
                    started.incrementAndGet();
                    maxAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
                    try {
                        client.connect(identity);
                    } finally {
                        underWay.decrementAndGet();
                    }
                }

                @Override
                public void subscribe(List<String> topicFilters, int qos) throws GatewayException {
                    client.subscribe(topicFilters, qos);
                }

                @Override
                public void publish(String topic, byte[] payload, int qos, Consumer<Exception> lateFailure)
                        throws GatewayException {
                    client.publish(topic, payload, qos, lateFailure);
                }

                @Override
                public boolean isConnected() {
                    return client.isConnected();
                }

                @Override
                public void disconnect(long quiesceMillis) {
                    client.disconnect(quiesceMillis);
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        }
    }
}
