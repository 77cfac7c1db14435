package io.github.camel.iotgateway.mqtt.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camel.iotgateway.mqtt.TcpNoDelaySocketFactory;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paho clients as the factory makes them, on a real broker: a connect costs what the broker's round trips cost, not
 * Paho 1.2.5's start-up pauses (a tenth of a second for each of its three loops); a connected client holds three
 * threads (its loops), its pings timed by a scheduler all clients share; and the client so started receives, keeps its
 * connection alive and ends its threads as one Paho started itself.
 */
class PahoClientFactoryTest {

    private static final String TOPIC = "gw/paho/echo";
    /**
     * Paho's pauses alone made every connect at least 300 ms; one without them takes tens of milliseconds on the
     * embedded broker of a busy machine.
     */
    private static final long CONNECT_WITHOUT_PAUSES_MILLIS = 200;

    private EmbeddedMqttBroker broker;
    private final List<MqttGatewayClient> clients = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedMqttBroker.start();
    }

    @AfterEach
    void stop() {
        for (MqttGatewayClient client : clients) {
            client.disconnect(0);
            client.close();
        }
        broker.close();
    }

    private MqttGatewayClient client(String clientId) throws Exception {
        return client(clientId, 60);
    }

    private MqttGatewayClient client(String clientId, int keepAliveSeconds) throws Exception {
        MqttGatewayClient client = new PahoClientFactory().create(new MqttClientSettings(broker.brokerUrl(),
                new TcpNoDelaySocketFactory(), keepAliveSeconds, 5, 100), clientId);
        clients.add(client);
        return client;
    }

    @Test
    void aConnectAndSubscribeDoNotWaitOutPahosStartUpPauses() throws Exception {
        // the first connect loads the classes
        connectAndSubscribe(client("warm-up"));
        long[] millis = new long[7];
        for (int i = 0; i < millis.length; i++) {
            MqttGatewayClient client = client("gw-" + i);
            long start = System.nanoTime();
            connectAndSubscribe(client);
            millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        Arrays.sort(millis);
        assertThat(millis[millis.length / 2]).as("median connect and subscribe, ms, of " + Arrays.toString(millis))
                .isLessThan(CONNECT_WITHOUT_PAUSES_MILLIS);
    }

    @Test
    void aClientSoStartedReceivesWhatItSubscribedToAndEndsItsThreadsWhenClosed() throws Exception {
        MqttGatewayClient client = client("gw-echo");
        CompletableFuture<String> received = new CompletableFuture<>();
        AtomicReference<String> receivingThread = new AtomicReference<>();
        client.setListener(new MqttClientListener() {
            @Override
            public void connectionLost(Throwable cause) {
                received.completeExceptionally(cause);
            }

            @Override
            public void messageArrived(String topic, byte[] payload) {
                receivingThread.set(Thread.currentThread().getName());
                received.complete(new String(payload, StandardCharsets.UTF_8));
            }
        });
        connectAndSubscribe(client);
        assertThat(pahoThreadsOf("gw-echo")).as("the connection's threads: its loops, no ping timer of its own")
                .containsExactlyInAnyOrder("MQTT Rec: gw-echo", "MQTT Snd: gw-echo", "MQTT Call: gw-echo");

        client.publish(TOPIC, "hello".getBytes(StandardCharsets.UTF_8), 1, failure -> {
        });

        assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(receivingThread.get()).isEqualTo("MQTT Call: gw-echo");
        client.disconnect(0);
        client.close();
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(pahoThreadsOf("gw-echo")).isEmpty());
    }

    @Test
    void anIdleClientPingsOnTheSharedSchedulerAndStaysConnectedPastItsKeepAlive() throws Exception {
        MqttGatewayClient client = client("gw-idle", 1);
        CompletableFuture<Throwable> lost = new CompletableFuture<>();
        client.setListener(new MqttClientListener() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.complete(cause);
            }

            @Override
            public void messageArrived(String topic, byte[] payload) {
            }
        });
        connectAndSubscribe(client);

        // a broker drops a client silent for 1.5 keep-alives: only the pings keep this one
        Thread.sleep(4_000);

        assertThat(lost).as("connection lost").isNotDone();
        assertThat(client.isConnected()).isTrue();
    }

    private static void connectAndSubscribe(MqttGatewayClient client) throws Exception {
        client.connect(new ConnectIdentity(null, null));
        client.subscribe(List.of(TOPIC), 1);
    }

    private static List<String> pahoThreadsOf(String clientId) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("MQTT") && name.endsWith(": " + clientId)).toList();
    }
}
