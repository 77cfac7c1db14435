package io.github.camel.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.MqttClientListener;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import io.github.camel.iotgateway.mqtt.client.MqttGatewayClient;

/**
 * A scripted stand-in for the MQTT library behind {@link MqttGatewayClient}: no broker, no socket. It records what the
 * core asks of it (connects, subscriptions, publishes with the publishing thread, disconnects, closes), and the test
 * plays the library's part: it delivers messages and reports lost connections on a thread of its own named
 * {@value #LIBRARY_THREAD}, as Paho does on its {@code MQTT Rec} thread, so the core sees a library thread.
 * <p>
 * Like a library client, each instance holds its thread from creation until {@link #close()}: a client the core
 * forgets to close leaks a live thread.
 */
final class ScriptedMqttClient implements MqttGatewayClient {

    static final String LIBRARY_THREAD = "MQTT Rec: test";

    /** One message the core handed to the client. */
    record Publish(String topic, byte[] payload, int qos, String thread) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Factory factory;
    private final String clientId;
    private final ExecutorService library;
    private volatile MqttClientListener listener;
    private volatile boolean connected;
    private volatile boolean closed;

    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger subscribes = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final List<ConnectIdentity> identities = new CopyOnWriteArrayList<>();
    final List<List<String>> subscriptions = new CopyOnWriteArrayList<>();
    final List<Integer> subscriptionQos = new CopyOnWriteArrayList<>();
    final List<Publish> publishes = new CopyOnWriteArrayList<>();
    /** connect, subscribe, disconnect, close, in the order the core called them. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Longest time the core's listener took to return from one messageArrived call. */
    private final LongAccumulator longestMessageArrivedNanos = new LongAccumulator(Math::max, 0);

    private ScriptedMqttClient(Factory factory, String clientId) {
        this.factory = factory;
        this.clientId = clientId;
        this.library = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, LIBRARY_THREAD);
            thread.setDaemon(true);
            return thread;
        });
    }

    // ---- what the core calls ----

    @Override
    public void setListener(MqttClientListener listener) {
        this.listener = listener;
    }

    @Override
    public void connect(ConnectIdentity identity) throws GatewayException {
        requireOpen();
        connects.incrementAndGet();
        identities.add(identity);
        calls.add("connect");
        Supplier<? extends GatewayException> refusal = factory.connectRefusal;
        if (refusal != null) {
            throw refusal.get();
        }
        connected = true;
    }

    @Override
    public void subscribe(List<String> topicFilters, int qos) throws GatewayException {
        requireOpen();
        subscribes.incrementAndGet();
        calls.add("subscribe");
        Runnable hook = factory.onSubscribe;
        if (hook != null) {
            hook.run();
        }
        if (!connected) {
            throw new GatewayNotConnectedException("scripted client " + clientId + " is not connected");
        }
        subscriptions.add(List.copyOf(topicFilters));
        subscriptionQos.add(qos);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, Consumer<Exception> lateFailure)
            throws GatewayException {
        if (!connected) {
            throw new GatewayNotConnectedException("scripted client " + clientId + " is not connected");
        }
        publishes.add(new Publish(topic, payload.clone(), qos, Thread.currentThread().getName()));
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void disconnect(long quiesceMillis) {
        disconnects.incrementAndGet();
        calls.add("disconnect");
        connected = false;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        calls.add("close");
        connected = false;
        closed = true;
        library.shutdownNow();
        factory.closes.incrementAndGet();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("scripted client " + clientId + " was used after close()");
        }
    }

    // ---- what the test does, as the library would ----

    String clientId() {
        return clientId;
    }

    boolean isClosed() {
        return closed;
    }

    /** Hands a received message to the core on the library thread; the future ends when the core's listener returned. */
    Future<?> deliver(String topic, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return library.submit(() -> {
            long start = System.nanoTime();
            listener.messageArrived(topic, bytes);
            longestMessageArrivedNanos.accumulate(System.nanoTime() - start);
        });
    }

    /** {@link #deliver} and waits (at most 5 s) for the core's listener to return. */
    void deliverNow(String topic, String payload) {
        await(deliver(topic, payload));
    }

    /** The link breaks: the client is no longer connected and tells the core so, on the library thread. */
    void loseConnection(Throwable cause) {
        await(library.submit(() -> {
            connected = false;
            listener.connectionLost(cause);
        }));
    }

    long longestMessageArrivedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestMessageArrivedNanos.get());
    }

    private static void await(Future<?> call) {
        try {
            call.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the core's listener threw on the library thread", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the core's listener did not return within 5 s: it blocks the library thread", e);
        }
    }

    /** Makes scripted clients and remembers each; scripts what their connects and subscribes do. */
    static final class Factory implements MqttClientFactory {

        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final List<ScriptedMqttClient> created = new CopyOnWriteArrayList<>();
        final List<MqttClientSettings> settings = new CopyOnWriteArrayList<>();
        private volatile Supplier<? extends GatewayException> connectRefusal;
        private volatile Runnable onSubscribe;

        @Override
        public MqttGatewayClient create(MqttClientSettings settings, String clientId) {
            this.settings.add(settings);
            ScriptedMqttClient client = new ScriptedMqttClient(this, clientId);
            created.add(client);
            creates.incrementAndGet();
            return client;
        }

        /** Every connect from now on fails with what {@code refusal} makes. */
        Factory refuseConnectsWith(Supplier<? extends GatewayException> refusal) {
            this.connectRefusal = refusal;
            return this;
        }

        Factory acceptConnects() {
            this.connectRefusal = null;
            return this;
        }

        /** Runs on the core's thread inside every subscribe, before it is acknowledged (may block). */
        Factory onSubscribe(Runnable hook) {
            this.onSubscribe = hook;
            return this;
        }

        /** The client made last. */
        ScriptedMqttClient last() {
            List<ScriptedMqttClient> all = new ArrayList<>(created);
            if (all.isEmpty()) {
                throw new AssertionError("the core made no MQTT client");
            }
            return all.get(all.size() - 1);
        }
    }
}
