package io.github.camel.iotgateway.mqtt;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.PahoComponent;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MQTT connection of a gateway, shared by every endpoint that names it.
 * <p>
 * One Paho client with one clientId, as the clouds allow a device one connection, made from camel-paho's options and
 * connect-option mapping. Requests are published on the client's asynchronous side, so no request waits for another
 * to be written. Received messages are taken off Paho's callback thread at once, decoded in arrival order by a dispatcher, and completed on this connection's worker pool (notices on a lane of their own, in
 * order): Paho's single callback slot is ours alone, and no route ever runs on a Paho thread. Reconnects are ours too:
 * back-off with jitter, subscriptions restored before the connection counts as ready again, listeners told, and no
 * endless fight when another client holds the clientId.
 */
public final class GatewayConnection extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
    /** Drops this soon after connecting, this many times in a row, mean another client holds our clientId. */
    private static final int TAKEOVER_DROPS = 3;
    private static final long TAKEOVER_WINDOW_MILLIS = 30_000;

    private final CamelContext camelContext;
    private final PahoConfiguration configuration;
    private final GatewayProtocol protocol;
    private final int workerThreads;
    private final List<GatewayConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final ReconnectBackoff backoff;
    private final TakeoverGuard takeover = new TakeoverGuard(TAKEOVER_DROPS, TAKEOVER_WINDOW_MILLIS);

    private final InboundDispatcher inbound;
    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private PendingReplies pendingReplies;
    private GatewayMqttClient client;
    private GatewayPahoEndpoint pahoEndpoint;
    private GatewayHealthCheck healthCheck;
    private WritableHealthCheckRepository healthChecks;
    private volatile boolean ready;
    private volatile boolean everConnected;
    private volatile boolean takenOver;

    /**
     * @param configuration the camel-paho options of the connection: broker URL, clientId, credentials, socket factory,
     *                      keep-alive, maxInflight, reconnect. Owned by this connection from now on.
     */
    public GatewayConnection(
            CamelContext camelContext, PahoConfiguration configuration, GatewayProtocol protocol, int workerThreads) {
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.protocol = protocol;
        this.workerThreads = workerThreads;
        this.backoff = new ReconnectBackoff(configuration.getMaxReconnectDelay());
        this.inbound = new InboundDispatcher(protocol, configuration.getClientId());
        // reconnects are ours: Paho's own loop cannot restore subscriptions before requests go out, back off with
        // jitter, or stop when another client holds the clientId
        configuration.setAutomaticReconnect(false);
    }

    public String getClientId() {
        return configuration.getClientId();
    }

    public String getBrokerUrl() {
        return configuration.getBrokerUrl();
    }

    /** The clientId without the signing parameters some clouds append to it (Alibaba's {@code |securemode=...|}). */
    public String displayName() {
        String clientId = getClientId();
        int bar = clientId.indexOf('|');
        return bar < 0 ? clientId : clientId.substring(0, bar);
    }

    /** Connected with its reply subscriptions in place: a request published now can be answered. */
    public boolean isReady() {
        return ready;
    }

    public PendingReplies pendingReplies() {
        return pendingReplies;
    }

    /** Messages dropped because they were not messages of the protocol (not JSON, wrong shape, ...). */
    public long malformedMessages() {
        return inbound.malformedMessages();
    }

    /** Messages that answered no request and that no notice listener was there to take. */
    public long unclaimedNotices() {
        return inbound.unclaimedNotices();
    }

    /** Messages published since start. */
    public long messagesPublished() {
        return published.sum();
    }

    /** Times the connection came back after being lost. */
    public long reconnects() {
        return reconnects.sum();
    }

    /** Whether the connection gave up because another client keeps taking over its clientId. */
    public boolean isTakenOver() {
        return takenOver;
    }

    public void addConnectionListener(GatewayConnectionListener listener) {
        connectionListeners.add(listener);
    }

    public void removeConnectionListener(GatewayConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /**
     * Receives every message that answers no request (a platform notice), one at a time and in the order they arrived,
     * on a thread of its own.
     */
    public void addNoticeListener(Consumer<InboundMessage> listener) {
        inbound.addNoticeListener(listener);
    }

    public void removeNoticeListener(Consumer<InboundMessage> listener) {
        inbound.removeNoticeListener(listener);
    }

    /**
     * Sees every notice, in order, like a listener, but does not take it: a notice that only observers see is counted
     * as unclaimed. For a component's own bookkeeping (e.g. the last child-list version), not for routes.
     */
    public void addNoticeObserver(Consumer<InboundMessage> observer) {
        inbound.addNoticeObserver(observer);
    }

    /**
     * Publishes a request whose reply is awaited under a fresh key from {@code keys}: the listener learns the outcome
     * exactly once, within {@code timeoutMillis}.
     *
     * @param  payload           builds the bytes for the key the request got
     * @return                   the key the request was registered and published under
     * @throws GatewayException  nothing was published (not connected, publish refused); the listener is not called
     */
    public String request(
            Supplier<String> keys, Function<String, byte[]> payload, String topic,
            int qos, long timeoutMillis, ReplyListener listener)
            throws GatewayException {
        requireReady();
        String key = pendingReplies.registerUnderFreshKey(keys, timeoutMillis, listener);
        try {
            publish(topic, payload.apply(key), qos, failure -> pendingReplies.fail(key, failure));
        } catch (GatewayException | RuntimeException e) {
            pendingReplies.cancel(key);
            throw e;
        }
        return key;
    }

    /**
     * Publishes one message on the shared client without waiting for it to be written.
     *
     * @throws GatewayException when the connection is not ready or Paho refuses the message
     */
    public void publish(String topic, byte[] payload, int qos) throws GatewayException {
        publish(topic, payload, qos, failure -> LOG.debug("Gateway {} could not deliver a message to {}: {}",
                getClientId(), topic, failure.getMessage()));
    }

    /**
     * @param lateFailure told when Paho refuses the message after accepting it (e.g. the link drops before the QoS 1
     *                    acknowledgement); refusals it can tell at once are thrown
     */
    private void publish(String topic, byte[] payload, int qos, Consumer<Exception> lateFailure) throws GatewayException {
        requireReady();
        try {
            client.async().publish(topic, payload, qos, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // the reply, not the delivery, ends a request
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    lateFailure.accept(new GatewayPublishException("Gateway " + getClientId() + " could not deliver to "
                                                                   + topic + ": " + failure.getMessage(),
                            failure));
                }
            });
            published.increment();
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST) {
                throw new GatewayNotConnectedException("Gateway " + getClientId() + " lost its connection to "
                                                       + getBrokerUrl() + " while publishing to " + topic, e);
            }
            throw new GatewayPublishException("Gateway " + getClientId() + " could not publish to " + topic + ": "
                                              + e.getMessage(), e);
        }
    }

    private void requireReady() throws GatewayNotConnectedException {
        if (takenOver) {
            throw new GatewayTakenOverException("Gateway " + getClientId() + " stopped reconnecting to " + getBrokerUrl()
                                                + ": another client keeps taking over its clientId");
        }
        if (!ready) {
            throw new GatewayNotConnectedException("Gateway " + getClientId() + " is not connected to " + getBrokerUrl()
                                                   + (isStarted() ? " (reconnecting)" : " (stopped)"));
        }
    }

    @Override
    protected void doStart() throws Exception {
        ThreadPoolProfile profile = new ThreadPoolProfile("gateway-" + getClientId());
        profile.setPoolSize(workerThreads);
        profile.setMaxPoolSize(workerThreads);
        // effectively unbounded (Camel turns 0 or less into a hand-over queue that rejects when all threads are busy):
        // a full queue must neither drop a reply nor make Paho's callback thread run the work itself
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workers = camelContext.getExecutorServiceManager().newThreadPool(this, "GatewayReplies[" + getClientId() + "]",
                profile);
        // one timeout task per pending request: Camel's default scheduled pool refuses tasks past 1,000 queued, which
        // would refuse the 1,001st request in flight; 0 or less means no limit for a scheduled pool
        ThreadPoolProfile timerProfile = new ThreadPoolProfile("gateway-timeouts-" + getClientId());
        timerProfile.setPoolSize(1);
        timerProfile.setMaxPoolSize(1);
        timerProfile.setMaxQueueSize(-1);
        timerProfile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        timer = camelContext.getExecutorServiceManager().newScheduledThreadPool(this,
                "GatewayTimeouts[" + getClientId() + "]", timerProfile);
        pendingReplies = new PendingReplies(timer, workers);
        inbound.start(camelContext.getExecutorServiceManager(), this, workers, pendingReplies);

        PahoComponent paho = camelContext.getComponent("paho", PahoComponent.class);
        pahoEndpoint = new GatewayPahoEndpoint("paho:gateway-" + getClientId(), protocol.subscriptions().get(0), paho,
                configuration);
        client = new GatewayMqttClient(getBrokerUrl(), getClientId(), pahoEndpoint.persistence());
        // bounds the blocking calls left (connect, subscribe, disconnect); Paho's default waits forever (brokers.md G7)
        client.setTimeToWait(TimeUnit.SECONDS.toMillis(Math.max(1, configuration.getConnectionTimeout())));
        client.setCallback(new Callback());
        healthChecks = HealthCheckHelper.getHealthCheckRepository(camelContext, "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new GatewayHealthCheck(this);
            healthCheck.setCamelContext(camelContext);
            healthChecks.addHealthCheck(healthCheck);
        }

        GatewayException refused = null;
        try {
            connectAndSubscribe();
        } catch (MqttSecurityException e) {
            refused = authenticationFailure(e);
        } catch (MqttException e) {
            if (e.getCause() instanceof javax.net.ssl.SSLException tls) {
                refused = new GatewayTlsException("TLS handshake of gateway " + getClientId() + " with " + getBrokerUrl()
                                                  + " failed: " + tls.getMessage(),
                        e);
            } else {
                // the endpoints still start: requests fail fast with GatewayNotConnectedException until the broker is
                // there
                LOG.warn("Gateway {} cannot reach {} ({}); retrying in the background", getClientId(), getBrokerUrl(),
                        e.getMessage());
                scheduleReconnect();
            }
        }
        if (refused != null) {
            // Camel does not stop a service whose start failed: let go of the threads and the health check here
            doStop();
            throw refused;
        }
    }

    private GatewayAuthenticationException authenticationFailure(MqttException e) {
        return new GatewayAuthenticationException("Broker " + getBrokerUrl() + " refused the credentials of gateway "
                                                  + getClientId() + " (reason " + e.getReasonCode() + ": "
                                                  + e.getMessage() + ")",
                e.getReasonCode(), e);
    }

    private void connectAndSubscribe() throws MqttException {
        client.connect(pahoEndpoint.connectOptions());
        List<String> topics = protocol.subscriptions();
        int[] qos = new int[topics.size()];
        Arrays.fill(qos, protocol.subscriptionQos());
        client.subscribe(topics.toArray(String[]::new), qos);
        boolean reconnect = everConnected;
        everConnected = true;
        backoff.reset();
        takeover.connected(System.currentTimeMillis());
        ready = true;
        if (reconnect) {
            reconnects.increment();
            LOG.info("Gateway {} reconnected to {}; subscriptions restored", getClientId(), getBrokerUrl());
        } else {
            LOG.info("Gateway {} connected to {}", getClientId(), getBrokerUrl());
        }
        for (GatewayConnectionListener listener : connectionListeners) {
            runOnWorker(() -> listener.connected(reconnect));
        }
    }

    /** Tries again after a pause, on a worker rather than the timer: a connect may take up to connectionTimeout. */
    private void scheduleReconnect() {
        long delay = backoff.nextDelayMillis();
        try {
            timer.schedule(() -> runOnWorker(this::reconnect), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // stopping: nothing to reconnect
        }
    }

    private void reconnect() {
        if (!isRunAllowed() || takenOver || client.isConnected()) {
            return;
        }
        try {
            connectAndSubscribe();
        } catch (MqttSecurityException e) {
            LOG.error("{}; not retrying", authenticationFailure(e).getMessage());
        } catch (MqttException e) {
            LOG.debug("Gateway {} still cannot reach {}: {}", getClientId(), getBrokerUrl(), e.getMessage());
            if (client.isConnected()) {
                // connected but the subscription failed: drop the link so the next attempt starts clean
                disconnectQuietly();
            }
            scheduleReconnect();
        }
    }

    private void onConnectionLost(Throwable cause) {
        ready = false;
        pendingReplies.failAll(new GatewayNotConnectedException("Gateway " + getClientId()
                                                                + " lost its connection while waiting for the reply; "
                                                                + "the platform may or may not have acted on the request",
                cause));
        connectionListeners.forEach(l -> runOnWorker(() -> l.disconnected(cause)));
        if (!isRunAllowed()) {
            return;
        }
        if (takeover.dropped(System.currentTimeMillis())) {
            takenOver = true;
            LOG.error("Gateway {} was disconnected from {} {} times right after connecting: another client is using its"
                      + " clientId, and the platform allows one connection per device. Not reconnecting; stop the other"
                      + " client, then restart the route.",
                    getClientId(), getBrokerUrl(), TAKEOVER_DROPS);
            connectionListeners.forEach(l -> runOnWorker(l::takenOver));
            return;
        }
        LOG.warn("Gateway {} lost its connection to {}: {}; reconnecting", getClientId(), getBrokerUrl(),
                cause == null ? "closed" : cause.getMessage());
        scheduleReconnect();
    }

    private void disconnectQuietly() {
        try {
            client.disconnectForcibly(0, 1000);
        } catch (MqttException e) {
            LOG.debug("Gateway {} forced disconnect: {}", getClientId(), e.getMessage());
        }
    }

    private void runOnWorker(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Gateway {} is stopping; dropped a task", getClientId());
        }
    }

    @Override
    protected void doStop() throws Exception {
        ready = false;
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        if (pendingReplies != null) {
            pendingReplies.failAll(new GatewayNotConnectedException("Gateway " + getClientId() + " is stopping"));
        }
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(1000);
                }
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("Gateway {} did not disconnect cleanly: {}", getClientId(), e.getMessage());
            }
        }
        if (timer != null) {
            camelContext.getExecutorServiceManager().shutdownNow(timer);
        }
        inbound.stop(camelContext.getExecutorServiceManager());
        if (workers != null) {
            // let the failures handed out above reach their exchanges
            camelContext.getExecutorServiceManager().shutdownGraceful(workers, 5000);
        }
    }

    /** Paho's only callback slot. Every method returns at once; the work happens on the workers. */
    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // connectAndSubscribe, on our side, knows when the subscriptions are back
        }

        @Override
        public void connectionLost(Throwable cause) {
            runOnWorker(() -> onConnectionLost(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            inbound.messageArrived(topic, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // nothing waits on deliveries: outcomes come as replies
        }
    }
}
