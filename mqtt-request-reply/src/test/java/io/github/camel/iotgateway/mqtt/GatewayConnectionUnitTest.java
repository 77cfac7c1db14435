package io.github.camel.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * {@link GatewayConnection} driven through a {@link ScriptedMqttClient}: no broker. The scripted client plays the MQTT
 * library, delivering on a thread named {@value ScriptedMqttClient#LIBRARY_THREAD}.
 */
class GatewayConnectionUnitTest {

    private static final String REQUEST_TOPIC = "gw/request";
    private static final String REPLY_TOPIC = "gw/reply";

    private DefaultCamelContext context;
    private ScriptedMqttClient.Factory factory;
    private ScriptedProtocol protocol;
    private GatewayConnection connection;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
        factory = new ScriptedMqttClient.Factory();
        protocol = new ScriptedProtocol();
        connection = newConnection();
    }

    @AfterEach
    void stopAll() {
        try {
            connection.stop();
        } finally {
            context.stop();
        }
    }

    private GatewayConnection newConnection() {
        return new GatewayConnection(context,
                new GatewayConnectionOptions(new MqttClientSettings("tcp://127.0.0.1:1883", null, 60, 2, 1000), "gw-1",
                        () -> new ConnectIdentity("u", "p"), factory, 500, 2, 100, 100),
                protocol);
    }

    @Test
    void aReplyEndsItsRequestOnAWorkerThreadNeverOnTheLibraryThread() throws Exception {
        connection.start();
        assertThat(connection.isReady()).isTrue();
        ScriptedMqttClient client = factory.last();
        assertThat(client.clientId()).isEqualTo("gw-1");
        assertThat(client.identities).singleElement().satisfies(id -> assertThat(id.userName()).isEqualTo("u"));
        assertThat(client.subscriptions).containsExactly(ScriptedProtocol.SUBSCRIPTIONS);
        assertThat(client.subscriptionQos).containsExactly(1);

        Recorder recorder = new Recorder();
        String key = connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 5_000, recorder);

        assertThat(client.publishes).singleElement().satisfies(p -> {
            assertThat(p.topic()).isEqualTo(REQUEST_TOPIC);
            assertThat(p.qos()).isEqualTo(1);
            assertThat(p.text()).isEqualTo("request " + key);
        });
        assertThat(connection.messagesPublished()).isEqualTo(1);
        assertThat(recorder.count()).isZero();

        client.deliverNow(REPLY_TOPIC, "reply:" + key + ":hello");

        RequestOutcome outcome = recorder.first.get(2, TimeUnit.SECONDS);
        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.key()).isEqualTo(key);
        assertThat(outcome.body()).isEqualTo("hello");
        assertThat(recorder.threads).singleElement().satisfies(name -> {
            assertThat(name).doesNotStartWith("MQTT");
            assertThat(name).contains("GatewayReplies[gw-1]");
        });
        // decoded where it arrived (quick, neither blocking nor routing): the exchange goes on on a worker
        assertThat(protocol.decodeThreads).isNotEmpty().allMatch(ScriptedMqttClient.LIBRARY_THREAD::equals);
        assertThat(connection.pendingReplies().size()).isZero();
        assertThat(connection.pendingReplies().repliesMatched()).isEqualTo(1);
    }

    @Test
    void aLostConnectionFailsPendingRequestsAndReconnectsWithSubscriptionsBeforeItIsReady() throws Exception {
        List<String> connected = new CopyOnWriteArrayList<>();
        List<Throwable> disconnected = new CopyOnWriteArrayList<>();
        connection.addConnectionListener(new GatewayConnectionListener() {
            @Override
            public void connected(boolean reconnect) {
                connected.add(reconnect ? "reconnected ready=" + connection.isReady() : "connected");
            }

            @Override
            public void disconnected(Throwable cause) {
                disconnected.add(cause);
            }
        });
        connection.start();
        ScriptedMqttClient client = factory.last();
        await().atMost(Duration.ofSeconds(2)).until(() -> connected.size() == 1);

        Recorder first = new Recorder();
        Recorder second = new Recorder();
        connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 10_000, first);
        connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 10_000, second);

        // the next subscribe (the one of the reconnect) is held until the test lets it go
        CountDownLatch subscribing = new CountDownLatch(1);
        CountDownLatch letSubscribe = new CountDownLatch(1);
        List<Boolean> readyWhileSubscribing = new CopyOnWriteArrayList<>();
        factory.onSubscribe(() -> {
            readyWhileSubscribing.add(connection.isReady());
            subscribing.countDown();
            awaitQuietly(letSubscribe);
        });

        IllegalStateException cause = new IllegalStateException("link broken");
        client.loseConnection(cause);

        for (Recorder recorder : List.of(first, second)) {
            RequestOutcome outcome = recorder.first.get(2, TimeUnit.SECONDS);
            assertThat(outcome.failure()).isExactlyInstanceOf(GatewayNotConnectedException.class)
                    .hasCause(cause);
            assertThat(recorder.threads).singleElement().asString().doesNotStartWith("MQTT");
        }
        assertThat(connection.isReady()).isFalse();
        await().atMost(Duration.ofSeconds(2)).until(() -> disconnected.size() == 1);
        assertThat(disconnected).containsExactly(cause);

        // the back-off (about 1 s), then the reconnect: connected again but not yet subscribed, so not ready
        assertThat(subscribing.await(5, TimeUnit.SECONDS)).as("reconnect reached subscribe").isTrue();
        assertThat(client.connects).hasValue(2);
        assertThat(connection.isReady()).isFalse();
        assertThatThrownBy(() -> connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 1_000, new Recorder()))
                .isExactlyInstanceOf(GatewayNotConnectedException.class);
        assertThat(client.publishes).hasSize(2);

        letSubscribe.countDown();
        await().atMost(Duration.ofSeconds(2)).until(connection::isReady);
        assertThat(readyWhileSubscribing).containsExactly(false);
        assertThat(client.subscriptions).containsExactly(ScriptedProtocol.SUBSCRIPTIONS, ScriptedProtocol.SUBSCRIPTIONS);
        assertThat(connection.reconnects()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> connected.size() == 2);
        assertThat(connected).containsExactly("connected", "reconnected ready=true");
        assertThat(factory.creates).as("a reconnect reuses the client").hasValue(1);

        // and requests are answered again
        Recorder third = new Recorder();
        String key = connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 5_000, third);
        client.deliverNow(REPLY_TOPIC, "reply:" + key + ":back");
        assertThat(third.first.get(2, TimeUnit.SECONDS).body()).isEqualTo("back");
        assertThat(first.count()).isEqualTo(1);
        assertThat(second.count()).isEqualTo(1);
    }

    @Test
    void anAuthenticationRefusalAtStartFailsTheStartAndReleasesEverythingEveryTime() {
        factory.refuseConnectsWith(() -> new GatewayAuthenticationException("bad credentials", 5, null));
        HealthCheckRepository healthChecks = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        // a disabled repository lists no checks at all, which would make "none left behind" pass for nothing
        healthChecks.setEnabled(true);

        // once before counting: class loading, Camel's lazily made threads
        assertAuthenticationRefused(connection);
        long threadsBefore = liveThreads();

        for (int i = 0; i < 20; i++) {
            assertAuthenticationRefused(connection);
            assertThat(connection.isReady()).isFalse();
        }

        assertThat(factory.creates).hasValue(21);
        assertThat(factory.closes).hasValue(21);
        assertThat(factory.created).hasSize(21).allSatisfy(client -> {
            assertThat(client.isClosed()).isTrue();
            assertThat(client.closes).as("closed exactly once").hasValue(1);
            assertThat(client.connects).hasValue(1);
        });
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(liveThreads()).isLessThanOrEqualTo(threadsBefore + 3));
        assertThat(liveThreadNames()).noneMatch(name -> name.startsWith(ScriptedMqttClient.LIBRARY_THREAD));
        assertThat(healthChecks).as("camel-health is on the class path").isNotNull();
        assertThat(healthChecks.stream().filter(GatewayHealthCheck.class::isInstance).count())
                .as("health checks left behind").isZero();
        // the connection can still start once the broker accepts the credentials, and then has its health check
        factory.acceptConnects();
        connection.start();
        assertThat(connection.isReady()).isTrue();
        assertThat(healthChecks.stream().filter(GatewayHealthCheck.class::isInstance).count()).isEqualTo(1);
    }

    private void assertAuthenticationRefused(GatewayConnection gateway) {
        Throwable thrown = null;
        try {
            gateway.start();
        } catch (Throwable e) {
            thrown = e;
        }
        assertThat(thrown).as("start threw").isNotNull();
        // Camel's ServiceSupport wraps the checked exception in a RuntimeCamelException
        Throwable refusal = thrown instanceof GatewayAuthenticationException ? thrown : thrown.getCause();
        assertThat(refusal).isExactlyInstanceOf(GatewayAuthenticationException.class).hasMessage("bad credentials");
    }

    @Test
    void stopEndsEveryPendingRequestExactlyOnceWithNotConnected() throws Exception {
        connection.start();
        ScriptedMqttClient client = factory.last();
        List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 10_000, recorder);
        }
        assertThat(connection.pendingReplies().size()).isEqualTo(5);

        connection.stop();

        String stoppingThread = Thread.currentThread().getName();
        for (Recorder recorder : recorders) {
            assertThat(recorder.count()).as("ended before stop returned").isEqualTo(1);
            assertThat(recorder.first.get().failure()).isExactlyInstanceOf(GatewayNotConnectedException.class);
            assertThat(recorder.threads).as("ended on the stopping thread").containsExactly(stoppingThread);
        }
        // nothing ends them a second time later (timeouts, late failures)
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> recorders.stream().allMatch(r -> r.count() == 1));
        assertThat(client.closes).hasValue(1);
        assertThat(client.calls).endsWith("disconnect", "close");
        assertThatThrownBy(() -> connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 1_000, new Recorder()))
                .isInstanceOf(GatewayStoppedException.class);
    }

    @Test
    void threeQuickDropsAreATakeoverAndClearTakeoverReconnects() throws Exception {
        AtomicInteger takenOver = new AtomicInteger();
        connection.addConnectionListener(new GatewayConnectionListener() {
            @Override
            public void takenOver() {
                takenOver.incrementAndGet();
            }
        });
        connection.start();
        ScriptedMqttClient client = factory.last();

        for (int drop = 1; drop <= 3; drop++) {
            int connects = drop;
            await().atMost(Duration.ofSeconds(5)).until(() -> client.connects.get() == connects && connection.isReady());
            client.loseConnection(new IllegalStateException("kicked out by another client"));
            await().atMost(Duration.ofSeconds(2)).until(() -> !connection.isReady());
        }

        await().atMost(Duration.ofSeconds(2)).until(connection::isTakenOver);
        await().atMost(Duration.ofSeconds(2)).until(() -> takenOver.get() == 1);
        assertThatThrownBy(() -> connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 1_000, new Recorder()))
                .isInstanceOf(GatewayTakenOverException.class);
        // no fight for the clientId: the back-off (1 to 1.25 s) passes with no reconnect
        await().during(Duration.ofMillis(1_400)).atMost(Duration.ofSeconds(3))
                .until(() -> client.connects.get() == 3);

        assertThat(connection.clearTakeover()).isTrue();
        assertThat(connection.isTakenOver()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.connects.get() == 4 && connection.isReady());
        assertThat(client.subscriptions).hasSize(4);
        assertThat(connection.clearTakeover()).as("nothing to clear").isFalse();
    }

    @Test
    void repliesFasterThanTheWorkersAreDroppedAndCountedWithoutBlockingTheLibraryThread() throws Exception {
        connection.start();
        ScriptedMqttClient client = factory.last();
        // two slow routes hold both reply workers (a route continues on the worker that completed its exchange)
        CountDownLatch letRoutesGo = new CountDownLatch(1);
        CountDownLatch routesRunning = new CountDownLatch(2);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            keys.add(connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 10_000, outcome -> {
                routesRunning.countDown();
                awaitQuietly(letRoutesGo);
            }));
        }
        try {
            keys.forEach(key -> client.deliverNow(REPLY_TOPIC, "reply:" + key + ":slow"));
            assertThat(routesRunning.await(2, TimeUnit.SECONDS)).isTrue();

            // the workers' queue (inboundQueueSize = 100) takes 100 more, the next 50 find it full
            List<Future<?>> deliveries = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                deliveries.add(client.deliver(REPLY_TOPIC, "reply:late-" + i + ":x"));
            }
            for (Future<?> delivery : deliveries) {
                delivery.get(2, TimeUnit.SECONDS);
            }
            assertThat(protocol.decoded).hasValue(152);
            assertThat(connection.droppedMessages()).isEqualTo(50);
            assertThat(client.longestMessageArrivedMillis()).as("messageArrived returns at once").isLessThan(200);
        } finally {
            letRoutesGo.countDown();
        }
        // the 100 queued ones still run (each finds nobody waiting for it) and nothing more is dropped
        await().atMost(Duration.ofSeconds(3)).until(() -> connection.pendingReplies().size() == 0);
        assertThat(connection.droppedMessages()).isEqualTo(50);
        assertThat(connection.malformedMessages()).isZero();
    }

    @Test
    void aConnectionLossWhileTheReplyWorkersAreBusyIsNotForgotten() throws Exception {
        connection.start();
        ScriptedMqttClient client = factory.last();
        // two slow routes hold both reply workers (a route continues on the worker that completed its exchange)
        CountDownLatch letRoutesGo = new CountDownLatch(1);
        CountDownLatch routesRunning = new CountDownLatch(2);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            keys.add(connection.request(keys(), payloadFor(), REQUEST_TOPIC, 1, 10_000, outcome -> {
                routesRunning.countDown();
                awaitQuietly(letRoutesGo);
            }));
        }
        try {
            keys.forEach(key -> client.deliverNow(REPLY_TOPIC, "reply:" + key + ":slow"));
            assertThat(routesRunning.await(2, TimeUnit.SECONDS)).isTrue();
            // a burst of (late) replies fills the workers' queue (inboundQueueSize = 100)
            for (int i = 0; i < 100; i++) {
                client.deliver(REPLY_TOPIC, "reply:late-" + i + ":x");
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> protocol.decoded.get() == 102);
            assertThat(connection.droppedMessages()).isZero();

            client.loseConnection(new IllegalStateException("link broken while busy"));
        } finally {
            letRoutesGo.countDown();
        }

        // the loss must still be handled once the workers catch up: not ready, then reconnected
        await("the lost connection is noticed").atMost(Duration.ofSeconds(2))
                .until(() -> !connection.isReady() || client.connects.get() > 1);
        await("the connection comes back").atMost(Duration.ofSeconds(5)).until(() -> client.connects.get() == 2 && connection.isReady());
    }

    // ---- helpers ----

    private static Supplier<String> keys() {
        AtomicInteger next = new AtomicInteger();
        return () -> "k" + next.incrementAndGet() + "-" + System.nanoTime();
    }

    private static Function<String, byte[]> payloadFor() {
        return key -> ("request " + key).getBytes(StandardCharsets.UTF_8);
    }

    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
    }

    private static List<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                fail("the test never let the subscribe go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records each outcome handed to a request handler, and the thread it came on. */
    static final class Recorder implements Consumer<RequestOutcome> {
        final CompletableFuture<RequestOutcome> first = new CompletableFuture<>();
        final List<RequestOutcome> outcomes = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void accept(RequestOutcome outcome) {
            threads.add(Thread.currentThread().getName());
            outcomes.add(outcome);
            first.complete(outcome);
        }

        int count() {
            return outcomes.size();
        }
    }

    /**
     * Payloads {@code reply:<key>:<body>} answer request {@code key}; {@code notice:<body>} is a notice; anything else
     * is malformed. Records every decoding thread.
     */
    static final class ScriptedProtocol implements GatewayProtocol {
        static final List<String> SUBSCRIPTIONS = List.of("gw/reply", "gw/notice/#");

        final List<String> decodeThreads = new CopyOnWriteArrayList<>();
        final AtomicInteger decoded = new AtomicInteger();

        @Override
        public List<String> subscriptions() {
            return SUBSCRIPTIONS;
        }

        @Override
        public int subscriptionQos() {
            return 1;
        }

        @Override
        public List<InboundMessage> decode(String topic, byte[] payload) {
            decodeThreads.add(Thread.currentThread().getName());
            decoded.incrementAndGet();
            String text = new String(payload, StandardCharsets.UTF_8);
            if (text.startsWith("reply:")) {
                String[] parts = text.split(":", 3);
                return List.of(new InboundMessage(topic, parts[1], parts[2]));
            }
            if (text.startsWith("notice:")) {
                return List.of(new InboundMessage(topic, null, text.substring("notice:".length())));
            }
            throw new IllegalArgumentException("not a message of the scripted protocol: " + text);
        }
    }
}
