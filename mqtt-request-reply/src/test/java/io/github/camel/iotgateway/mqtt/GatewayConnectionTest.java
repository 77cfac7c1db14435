package io.github.camel.iotgateway.mqtt;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The connection over a real broker, with a raw Paho client answering "req" on "req_reply" with the same payload. */
class GatewayConnectionTest {

    private static final String REQUEST = "gw/test/req";
    private static final String REPLY = "gw/test/req_reply";

    private EmbeddedMqttBroker broker;
    private CamelContext camel;
    private MqttAsyncClient responder;

    /** The payload is the key: the responder echoes it. */
    private static final GatewayProtocol ECHO = new GatewayProtocol() {
        @Override
        public List<String> subscriptions() {
            return List.of(REPLY);
        }

        @Override
        public int subscriptionQos() {
            return 0;
        }

        @Override
        public List<InboundMessage> decode(String topic, byte[] payload) {
            String text = new String(payload, StandardCharsets.UTF_8);
            if (text.startsWith("!")) {
                throw new IllegalArgumentException("malformed");
            }
            // the body records the decoding thread and the text
            return List.of(new InboundMessage(topic, text.startsWith("notice") ? null : text,
                    Thread.currentThread().getName() + "|" + text));
        }
    };

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (responder != null) {
            // after a broker restart the responder's automatic reconnect may still be under way (the gateway, which
            // connects without Paho's start-up pauses, is often back first), and Paho refuses to close a client that
            // is connecting: try again until it is not
            await().atMost(10, TimeUnit.SECONDS).ignoreExceptions().untilAsserted(() -> {
                if (responder.isConnected()) {
                    responder.disconnectForcibly(100, 100);
                }
                responder.close();
            });
        }
        camel.stop();
        broker.close();
    }

    private GatewayConnection connection(String brokerUrl) {
        // keep-alive 60 s (Paho's default, which the old PahoConfiguration left as it was); no credentials
        MqttClientSettings mqtt = new MqttClientSettings(brokerUrl, new TcpNoDelaySocketFactory(), 60, 2, 1000);
        GatewayConnectionOptions options = new GatewayConnectionOptions(mqtt, "gw-under-test",
                () -> new ConnectIdentity(null, null), new PahoClientFactory(), 500, 2,
                GatewayConnectionOptions.DEFAULT_INBOUND_QUEUE_SIZE, GatewayConnectionOptions.DEFAULT_NOTICE_QUEUE_SIZE);
        return new GatewayConnection(camel, options, ECHO);
    }

    private void startResponder() throws Exception {
        responder = new MqttAsyncClient(broker.brokerUrl(), "responder", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        responder.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        responder.subscribe(REQUEST, 0);
                    } catch (Exception ignored) {
                        // the test then fails on its reply
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                responder.publish(REPLY, message.getPayload(), 0, false);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        responder.connect(options).waitForCompletion(5000);
        responder.subscribe(REQUEST, 0).waitForCompletion(5000);
    }

    private final java.util.Map<String, String> replyThreads = new java.util.concurrent.ConcurrentHashMap<>();

    private CompletableFuture<InboundMessage> ask(GatewayConnection connection, String key, long timeout) throws Exception {
        CompletableFuture<InboundMessage> result = new CompletableFuture<>();
        connection.request(() -> key, k -> k.getBytes(StandardCharsets.UTF_8), REQUEST, 0, timeout, outcome -> {
            if (outcome.answered()) {
                InboundMessage reply = outcome.reply();
                replyThreads.put(reply.correlationKey(), Thread.currentThread().getName());
                result.complete(reply);
            } else if (outcome.isTimeout()) {
                result.completeExceptionally(new java.util.concurrent.TimeoutException(outcome.key()));
            } else {
                result.completeExceptionally(outcome.failure());
            }
        });
        return result;
    }

    @Test
    void repliesAreCompletedOnWorkerThreadsNeverOnPahoThreads() throws Exception {
        startResponder();
        GatewayConnection connection = connection(broker.brokerUrl());
        ServiceHelper.startService(connection);
        InboundMessage reply = ask(connection, "k1", 5000).get(5, TimeUnit.SECONDS);
        assertThat(reply.correlationKey()).isEqualTo("k1");
        // decoded on Paho's callback thread (quick, neither blocking nor routing), completed on a worker: the
        // exchange never continues on "MQTT Call"/"MQTT Rec"
        assertThat((String) reply.body()).startsWith("MQTT Call");
        assertThat(replyThreads.get("k1")).contains("GatewayReplies").doesNotContain("MQTT");
        ServiceHelper.stopService(connection);
    }

    @Test
    void aSilentPeerGivesATimeoutAndMalformedOrUnaskedMessagesAreCounted() throws Exception {
        GatewayConnection connection = connection(broker.brokerUrl());
        ServiceHelper.startService(connection);
        assertThatThrownBy(() -> ask(connection, "k2", 200).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        connection.publish(REPLY, "!garbage".getBytes(StandardCharsets.UTF_8), 0);
        connection.publish(REPLY, "k2".getBytes(StandardCharsets.UTF_8), 0);
        connection.publish(REPLY, "notice-1".getBytes(StandardCharsets.UTF_8), 0);
        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(connection.malformedMessages()).isEqualTo(1);
            assertThat(connection.pendingReplies().repliesUnmatched()).isEqualTo(1);
            assertThat(connection.unclaimedNotices()).isEqualTo(1);
        });
        ServiceHelper.stopService(connection);
    }

    @Test
    void subscriptionsAreRestoredAfterTheBrokerRestarts() throws Exception {
        startResponder();
        GatewayConnection connection = connection(broker.brokerUrl());
        ServiceHelper.startService(connection);
        assertThat(ask(connection, "before", 5000).get(5, TimeUnit.SECONDS).correlationKey()).isEqualTo("before");

        broker.restart();
        await().atMost(15, TimeUnit.SECONDS).until(connection::isReady);
        await().atMost(15, TimeUnit.SECONDS).until(responder::isConnected);
        Thread.sleep(300); // the responder restores its own subscription on its reconnect
        assertThat(ask(connection, "after", 5000).get(5, TimeUnit.SECONDS).correlationKey()).isEqualTo("after");
        ServiceHelper.stopService(connection);
    }

    @Test
    void withTheBrokerDownRequestsFailFastAndSucceedOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GatewayConnection connection = connection("tcp://127.0.0.1:" + port);
        ServiceHelper.startService(connection);
        assertThat(connection.isReady()).isFalse();
        assertThatThrownBy(() -> ask(connection, "early", 1000)).isInstanceOf(GatewayNotConnectedException.class)
                .hasMessageContaining("not connected");

        try (EmbeddedMqttBroker late = EmbeddedMqttBroker.start(port)) {
            await().atMost(20, TimeUnit.SECONDS).until(connection::isReady);
            CompletableFuture<InboundMessage> r = new CompletableFuture<>();
            connection.addNoticeListener(r::complete);
            connection.publish(REPLY, "notice-2".getBytes(StandardCharsets.UTF_8), 0);
            assertThat(r.get(5, TimeUnit.SECONDS).body()).isNotNull();
            ServiceHelper.stopService(connection);
        }
    }

    @Test
    void listenersHearOfTheReconnectOnlyOnceTheSubscriptionsAreBack() throws Exception {
        startResponder();
        GatewayConnection connection = connection(broker.brokerUrl());
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        connection.addConnectionListener(new GatewayConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
                events.add((reconnect ? "reconnected" : "connected") + " ready=" + connection.isReady());
            }

            @Override
            public void disconnected(Throwable cause) {
                events.add("lost");
            }
        });
        ServiceHelper.startService(connection);
        broker.restart();
        await().atMost(15, TimeUnit.SECONDS).until(() -> events.contains("reconnected ready=true"));
        assertThat(events).containsExactly("connected ready=true", "lost", "reconnected ready=true");
        assertThat(connection.reconnects()).isEqualTo(1);
        ServiceHelper.stopService(connection);
    }

    @Test
    void noticesReachTheirListenerInTheOrderTheyArrived() throws Exception {
        GatewayConnection connection = connection(broker.brokerUrl());
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        connection.addNoticeListener(m -> seen.add(((String) m.body()).substring(((String) m.body()).indexOf('|') + 1)));
        ServiceHelper.startService(connection);
        MqttAsyncClient platform = new MqttAsyncClient(broker.brokerUrl(), "platform", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000); // Paho's default of 10 fails a burst with 32202
        platform.connect(options).waitForCompletion(5000);
        java.util.List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add("notice-" + i);
            platform.publish(REPLY, ("notice-" + i).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 200);
        platform.disconnect().waitForCompletion(5000);
        platform.close();
        ServiceHelper.stopService(connection);
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void anotherClientTakingOverTheClientIdMakesTheGatewayGiveUpInsteadOfFighting() throws Exception {
        GatewayConnection connection = connection(broker.brokerUrl());
        java.util.concurrent.CountDownLatch gaveUp = new java.util.concurrent.CountDownLatch(1);
        connection.addConnectionListener(new GatewayConnectionListener() {
            @Override
            public void takenOver() {
                gaveUp.countDown();
            }
        });
        ServiceHelper.startService(connection);
        // an impostor with the same clientId that reconnects whenever it is kicked out
        MqttAsyncClient impostor = new MqttAsyncClient(broker.brokerUrl(), "gw-under-test", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1000);
        impostor.connect(options).waitForCompletion(5000);

        assertThat(gaveUp.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(connection.isTakenOver()).isTrue();
        assertThatThrownBy(() -> connection.publish(REQUEST, new byte[] {1}, 0))
                .isInstanceOf(GatewayTakenOverException.class).hasMessageContaining("another client");
        // and it stays quiet: the impostor keeps its connection
        Thread.sleep(2500);
        assertThat(impostor.isConnected()).isTrue();
        impostor.disconnectForcibly(100, 100);
        impostor.close();
        ServiceHelper.stopService(connection);
    }

    @Test
    void theProducersHealthCheckSaysWhetherTheGatewayIsConnected() throws Exception {
        org.apache.camel.health.HealthCheckRegistry registry = org.apache.camel.health.HealthCheckRegistry.get(camel);
        registry.setEnabled(true);
        GatewayConnection connection = connection(broker.brokerUrl());
        ServiceHelper.startService(connection);
        registry.getRepository("producers").ifPresent(r -> r.setEnabled(true));

        assertThat(gatewayHealth()).isEqualTo(org.apache.camel.health.HealthCheck.State.UP);
        broker.stop();
        await().atMost(10, TimeUnit.SECONDS).until(() -> gatewayHealth() == org.apache.camel.health.HealthCheck.State.DOWN);
        broker.restart();
        await().atMost(15, TimeUnit.SECONDS).until(() -> gatewayHealth() == org.apache.camel.health.HealthCheck.State.UP);
        ServiceHelper.stopService(connection);
    }

    private org.apache.camel.health.HealthCheck.State gatewayHealth() {
        return org.apache.camel.health.HealthCheckHelper.invoke(camel).stream()
                .filter(r -> r.getCheck().getId().equals("producer:gateway-gw-under-test"))
                .map(org.apache.camel.health.HealthCheck.Result::getState)
                .findFirst().orElseThrow(() -> new AssertionError("no gateway health check"));
    }

    @Test
    void tenThousandRequestsCanWaitAtOnce() throws Exception {
        // no responder: every request stays pending until its timeout
        GatewayConnection connection = connection(broker.brokerUrl());
        ServiceHelper.startService(connection);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            connection.request(() -> "p" + next.getAndIncrement(), k -> k.getBytes(StandardCharsets.UTF_8), REQUEST, 0,
                    60_000, outcome -> {
                    });
        }
        assertThat(connection.pendingReplies().size()).isEqualTo(10_000);
        ServiceHelper.stopService(connection);
        assertThat(connection.pendingReplies().size()).isZero();
    }
}
