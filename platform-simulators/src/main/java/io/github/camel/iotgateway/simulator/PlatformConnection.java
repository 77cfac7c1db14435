package io.github.camel.iotgateway.simulator;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The simulated cloud's own MQTT connection: one Paho async client subscribed to one topic filter. Messages are handed
 * to a single worker thread in arrival order, so the Paho callback thread never blocks and the platform state is
 * changed by one thread at a time. It reconnects on its own and subscribes again, so a simulator survives
 * {@link EmbeddedMqttBroker#restart()}: every 50 ms, not after Paho's automatic reconnect's first second, because the
 * cloud it plays is the broker's own side and is there before any device comes back (a gateway waits a second at
 * least); a slower simulator would miss what a reconnected gateway sends first (re-logins, syncs).
 */
final class PlatformConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformConnection.class);
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private static final int MAX_INFLIGHT = 1000;
    private static final long RECONNECT_EVERY_MS = 50;

    private final MqttAsyncClient client;
    private final String[] topicFilters;
    private final String topicFilter;
    private final int subscriptionQos;
    private final Consumer<InboundMessage> handler;
    private final ExecutorService worker;
    /** Set once the broker granted the subscription on the current connection: only then can requests arrive. */
    private volatile boolean subscribed;
    private volatile boolean closed;
    private final java.util.concurrent.ScheduledExecutorService reconnects;
    private MqttConnectOptions options;

    private PlatformConnection(MqttAsyncClient client, String topicFilter, int subscriptionQos,
            Consumer<InboundMessage> handler, String threadName) {
        this.client = client;
        this.topicFilters = topicFilter.split(",");
        this.topicFilter = topicFilter;
        this.subscriptionQos = subscriptionQos;
        this.handler = handler;
        this.worker = Executors.newSingleThreadExecutor(new DaemonThreads(threadName));
        this.reconnects = Executors.newSingleThreadScheduledExecutor(new DaemonThreads(threadName + "-reconnect"));
    }

    /**
     * Connects and subscribes; returns once the subscription is in place, so nothing published afterwards is missed.
     *
     * @param clientIdPrefix a random suffix is added: two simulators must never take over each other's session
     */
    static PlatformConnection open(String brokerUrl, String clientIdPrefix, String topicFilter, int subscriptionQos,
            Consumer<InboundMessage> handler) {
        String clientId = clientIdPrefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("Cannot create an MQTT client for " + brokerUrl + ": " + e, e);
        }
        PlatformConnection connection = new PlatformConnection(client, topicFilter, subscriptionQos, handler, clientId);
        try {
            connection.connect();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Publishes without waiting. A failure (say the broker is down) is logged: a lost reply is what a client sees too. */
    void publish(String topic, byte[] payload, int qos) {
        try {
            client.publish(topic, payload, qos, false);
        } catch (MqttException e) {
            LOG.warn("Simulator {} could not publish to {}: {}", client.getClientId(), topic, e.toString());
        }
    }

    /** Connected and subscribed: ready to receive requests. */
    boolean isReady() {
        return subscribed && client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.debug("Simulator {} disconnect: {}", client.getClientId(), e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Simulator {} close: {}", client.getClientId(), e.toString());
        }
        worker.shutdownNow();
    }

    private void connect() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        // reconnects are ours, every 50 ms (see the class comment)
        options.setAutomaticReconnect(false);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout((int) (CONNECT_TIMEOUT_MS / 1000));
        client.setCallback(new Callback());
        this.options = options;
        try {
            client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
            client.subscribe(topicFilters, qosFor(topicFilters)).waitForCompletion(CONNECT_TIMEOUT_MS);
            subscribed = true;
        } catch (MqttException e) {
            throw new IllegalStateException("Simulator " + client.getClientId() + " could not connect to "
                                            + client.getServerURI() + " and subscribe " + topicFilter + ": " + e, e);
        }
        LOG.debug("Simulator {} connected, subscribed to {}", client.getClientId(), topicFilter);
    }

    /** Tries to connect and subscribe again now, and again in 50 ms until it is back. */
    private void reconnect() {
        if (closed) {
            return;
        }
        try {
            if (!client.isConnected()) {
                client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
            }
            client.subscribe(topicFilters, qosFor(topicFilters)).waitForCompletion(CONNECT_TIMEOUT_MS);
            subscribed = true;
            LOG.info("Simulator {} reconnected to {}, subscribed again", client.getClientId(), client.getServerURI());
        } catch (MqttException | RuntimeException e) {
            try {
                reconnects.schedule(this::reconnect, RECONNECT_EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // closed meanwhile
            }
        }
    }

    private int[] qosFor(String[] filters) {
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, subscriptionQos);
        return qos;
    }

    private void dispatch(InboundMessage message) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            LOG.error("Simulator {} failed on a message to {}", client.getClientId(), message.topic(), e);
        }
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // connect() and reconnect() subscribe themselves
        }

        @Override
        public void connectionLost(Throwable cause) {
            subscribed = false;
            LOG.info("Simulator {} lost its connection ({}); reconnecting", client.getClientId(), cause.toString());
            try {
                reconnects.execute(PlatformConnection.this::reconnect);
            } catch (RejectedExecutionException closing) {
                // closed meanwhile
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            InboundMessage inbound = new InboundMessage(topic, message.getPayload().clone(), message.getQos(),
                    message.isDuplicate(), System.nanoTime());
            if (inbound.redelivered()) {
                LOG.info("Simulator {} got a redelivery (DUP) on {}", client.getClientId(), topic);
            }
            try {
                worker.execute(() -> dispatch(inbound));
            } catch (RejectedExecutionException e) {
                LOG.debug("Simulator {} is closing; dropped a message to {}", client.getClientId(), topic);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // replies are fire and forget
        }
    }
}
