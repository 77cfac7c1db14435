package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.MqttClientListener;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import io.github.camel.iotgateway.mqtt.client.MqttGatewayClient;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet whose broker restarts comes back at most maxReconnectsPerSecond connects a second, however many back-offs
 * end in the same moment, while the connects at the CamelContext's start are not paced (maxParallelConnects bounds
 * them alone). On a real broker, seen through the client seam: Paho's factory noting when each connect begins.
 */
class FleetReconnectPaceTest extends AlinkTestSupport {

    private static final int GATEWAYS = 20;
    private static final int RECONNECTS_PER_SECOND = 5;
    private CamelContext fleet;

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.stop();
        }
    }

    @Test
    void aFleetBehindARestartedBrokerReconnectsAtMostMaxReconnectsPerSecondButStartsAtOnce() throws Exception {
        ConnectBegins begins = new ConnectBegins();
        fleet = new DefaultCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        configure(component.getConfiguration());
        component.getConfiguration().setMaxReconnectsPerSecond(RECONNECTS_PER_SECOND);
        component.getConfiguration().setMqttClientFactory(begins);
        fleet.addComponent("alink-session", component);
        for (int i = 0; i < GATEWAYS; i++) {
            fleet.addService(fleet.getEndpoint("alink-session:logout?gatewayProductKey="
                                               + String.format(Locale.ROOT, "a1Pace%05d", i)).createAsyncProducer(),
                    true, false);
        }

        fleet.start();

        assertThat(ready(component)).isEqualTo(GATEWAYS);
        assertThat(peakPerSecond(begins.nanos)).as("connects begun within one second of the start")
                .isGreaterThan(RECONNECTS_PER_SECOND);

        begins.nanos.clear();
        embeddedBroker().restart();

        await().atMost(20, TimeUnit.SECONDS).until(() -> ready(component) == GATEWAYS);
        List<Long> reconnects = new ArrayList<>(begins.nanos);
        assertThat(reconnects).as("reconnects").hasSizeGreaterThanOrEqualTo(GATEWAYS);
        // one more than the rate: a turn's timer may fire a little late and the next one on time
        assertThat(peakPerSecond(reconnects)).as("reconnects begun within any one second")
                .isLessThanOrEqualTo(RECONNECTS_PER_SECOND + 1);
        long spreadMillis = TimeUnit.NANOSECONDS.toMillis(reconnects.get(reconnects.size() - 1) - reconnects.get(0));
        assertThat(spreadMillis).as("first to last reconnect, ms")
                .isGreaterThanOrEqualTo((GATEWAYS - 1) * 1000L / RECONNECTS_PER_SECOND * 9 / 10);
    }

    private static long ready(AlinkSessionComponent component) {
        return component.gatewayClients().stream().filter(c -> c.connection().isReady()).count();
    }

    /** The most of the moments (in order) within any one second. */
    private static int peakPerSecond(List<Long> sortedNanos) {
        int peak = 0;
        int first = 0;
        for (int last = 0; last < sortedNanos.size(); last++) {
            while (sortedNanos.get(last) - sortedNanos.get(first) >= TimeUnit.SECONDS.toNanos(1)) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }

    /** Paho's factory, noting when each connect begins. */
    static final class ConnectBegins implements MqttClientFactory {
        final List<Long> nanos = new CopyOnWriteArrayList<>();
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
                    synchronized (nanos) {
                        nanos.add(System.nanoTime());
                    }
                    client.connect(identity);
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
