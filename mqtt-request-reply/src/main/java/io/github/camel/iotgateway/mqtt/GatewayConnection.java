package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientListener;
import io.github.camel.iotgateway.mqtt.client.MqttGatewayClient;
import io.github.camel.iotgateway.mqtt.cluster.GatewayCluster;
import io.github.camel.iotgateway.mqtt.cluster.GatewayLeadership;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MQTT connection of a gateway, shared by every endpoint that names it.
 * <p>
 * One MQTT client with one clientId, as the clouds allow a device one connection, made by the options' client
 * factory. Requests are published without waiting, so no request waits for another to be written. Received messages
 * are taken off the library's thread at once, decoded in arrival order by a dispatcher, and completed on this
 * connection's worker pool (notices on a lane of their own, in order): no route ever runs on a library thread.
 * Reconnects are ours: back-off with jitter, subscriptions restored before the connection counts as ready again,
 * listeners told, and no endless fight when another client holds the clientId.
 * <p>
 * Stop: requests still waiting for a reply end with {@link GatewayNotConnectedException} on the stopping thread (the
 * platform may or may not have acted on them), before the client disconnects; work still queued for the workers is
 * run, not dropped. A start that fails releases every thread, pool and health check it took.
 * <p>
 * Clustered ({@link GatewayConnectionOptions#cluster()}), the connection connects only while this node leads the
 * gateway's namespace, and disconnects as soon as it no longer does, before another node can lead: requests on a
 * follower fail fast with {@link GatewayNotLeaderException}. Each leadership begins as a first connect, so what the
 * gateway restores comes from the shared state, not from what this node knew when it last led.
 */
public final class GatewayConnection extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
    /** Drops this soon after connecting, this many times in a row, mean another client holds our clientId. */
    private static final int TAKEOVER_DROPS = 3;
    private static final long TAKEOVER_WINDOW_MILLIS = 30_000;
    /** How often a clustered gateway checks it still leads: far below any cluster's session timeout. */
    private static final long LEADERSHIP_CHECK_MILLIS = 100;
    /**
     * How long a new leader waits before it connects: a node whose ZooKeeper session the server ended at once (not
     * merely timed out) learns it only at its next check, so the new leader gives it a few checks to let go first.
     */
    private static final long LEADERSHIP_FENCE_MILLIS = 3 * LEADERSHIP_CHECK_MILLIS;
    /** The pace's clock: monotonic, as wall-clock jumps must not open or close a window. */
    private static final LongSupplier MONOTONIC_MILLIS = () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime());

    private final CamelContext camelContext;
    private final GatewayConnectionOptions options;
    private final GatewayProtocol protocol;
    private final List<GatewayConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> idleListeners = new CopyOnWriteArrayList<>();
    private final LongAdder published = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final ReconnectBackoff backoff;
    private final TakeoverGuard takeover = new TakeoverGuard(TAKEOVER_DROPS, TAKEOVER_WINDOW_MILLIS);
    /** The figures of this connection, for metrics, JMX and the dev consoles; told of every request's end. */
    private final GatewayMetrics metrics = new GatewayMetrics();
    /** The scheme of the component whose gateway this is: it names the health check and tags the meters. */
    private volatile String componentName = "gateway";

    private final InboundDispatcher inbound;
    /** The threads this connection runs on: its component's, shared with the other gateways, or a set of its own. */
    private GatewayExecutors executors;
    private boolean ownExecutors;
    private ExecutorService workers;
    /**
     * The connection's own lane: connection lost, reconnect attempts, listener calls, late publish failures. Its queue
     * has no bound (a handful of tasks per connection event), so none of these is ever refused while the reply
     * workers are busy with slow routes.
     */
    private SerialLane control;
    private ScheduledExecutorService timer;
    private PendingReplies pendingReplies;
    /** The platform's caps on this connection's publishes; null when it has none. */
    private volatile PublishPacer pacer;
    /** The platform's cap on the requests of {@code options.topicPace()}; null when there is none. */
    private volatile PublishPacer topicPacer;
    private volatile MqttGatewayClient client;
    /** The clientId of the client now; a cloud that signs the time into it gets a new one at each connect. */
    private volatile String clientId;
    private GatewayHealthCheck healthCheck;
    private WritableHealthCheckRepository healthChecks;
    private volatile boolean ready;
    private volatile boolean everConnected;
    private volatile boolean takenOver;
    /** Follows the gateway's cluster namespace; null when not clustered. */
    private GatewayLeadership leadership;
    /** Whether this node may hold the gateway's connection: always, unless clustered and another node leads. */
    private volatile boolean leading = true;

    public GatewayConnection(CamelContext camelContext, GatewayConnectionOptions options, GatewayProtocol protocol) {
        this.camelContext = camelContext;
        this.options = options;
        this.protocol = protocol;
        this.backoff = new ReconnectBackoff(options.maxReconnectDelayMillis());
        this.inbound = new InboundDispatcher(protocol, options.clientId(), options.noticeQueueSize(),
                metrics);
        connectionListeners.add(metrics);
    }

    /** The figures of this connection since it was made. */
    public GatewayMetrics metrics() {
        return metrics;
    }

    /** The scheme of the component whose gateway this is ({@code gateway} for a connection of no component). */
    public String componentName() {
        return componentName;
    }

    /** Set by the component before the start: it names the health check and tags the meters. */
    public void setComponentName(String componentName) {
        this.componentName = componentName;
    }

    /** Requests and messages waiting for the platform's pace now. */
    public int waitingForPace() {
        PublishPacer general = pacer;
        PublishPacer byTopic = topicPacer;
        return (general == null ? 0 : general.waitingCount()) + (byTopic == null ? 0 : byTopic.waitingCount());
    }

    /** The clientId the gateway is (or was last) connected with. */
    public String getClientId() {
        String current = clientId;
        return current != null ? current : options.clientId();
    }

    public String getBrokerUrl() {
        return options.brokerUrl();
    }

    /**
     * The gateway's stable name: the connection's clientId without the signing parameters some clouds append to it
     * (Alibaba's {@code |securemode=...|}). Stable across connects, hours and restarts.
     */
    public String displayName() {
        String name = options.clientId();
        int bar = name.indexOf('|');
        return bar < 0 ? name : name.substring(0, bar);
    }

    /** Connected with its reply subscriptions in place: a request published now can be answered. */
    public boolean isReady() {
        return ready;
    }

    public PendingReplies pendingReplies() {
        return pendingReplies;
    }

    /** The scheduler of this connection's timeouts; batchers share it for their batch completions. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** Messages dropped because they were not messages of the protocol (not JSON, wrong shape, ...). */
    public long malformedMessages() {
        return inbound.malformedMessages();
    }

    /** Messages that answered no request and that no notice listener was there to take. */
    public long unclaimedNotices() {
        return inbound.unclaimedNotices();
    }

    /** Received messages dropped because the decoding queue or the reply workers' queue was full. */
    public long droppedMessages() {
        return inbound.droppedMessages();
    }

    /** Notices dropped because the events route fell {@code noticeQueueSize} notices behind. */
    public long droppedNotices() {
        return inbound.droppedNotices();
    }

    /** Publishes that had to wait for the platform's pace, since start. */
    public long pacedPublishes() {
        PublishPacer pace = pacer;
        PublishPacer byTopic = topicPacer;
        return (pace == null ? 0 : pace.pacedPublishes()) + (byTopic == null ? 0 : byTopic.pacedPublishes());
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

    /**
     * Starts reconnecting again after a takeover, once the other client is gone. A route or context restart does the
     * same (a new start begins with no takeover).
     *
     * @return {@code false} when the connection was not taken over
     */
    public boolean clearTakeover() {
        if (!takenOver || !isRunAllowed()) {
            return false;
        }
        takeover.reset();
        backoff.reset();
        takenOver = false;
        LOG.info("Gateway {}: takeover cleared; reconnecting to {}", getClientId(), getBrokerUrl());
        scheduleReconnect();
        return true;
    }

    public void addConnectionListener(GatewayConnectionListener listener) {
        connectionListeners.add(listener);
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
    /**
     * Runs {@code listener} when the last request on the wire has ended (replied, timed out or failed) and none waits
     * for the pace: the moment a batcher sends what gathered meanwhile. Runs on a worker of this connection.
     */
    public void addIdleListener(Runnable listener) {
        idleListeners.add(listener);
    }

    /**
     * Whether no request of this connection is on its way, neither awaiting its reply nor waiting for the pace: a new
     * request would find the wire to the platform quiet. A batcher asks it for every item it is offered, so it is
     * asked as cheaply as it can be: under load the first stripe of the pending table answers it.
     */
    public boolean isWireQuiet() {
        PendingReplies table = pendingReplies;
        return (table == null || table.isEmpty()) && waitingForPace() == 0;
    }

    private void repliesIdle() {
        if (!isWireQuiet()) {
            return;
        }
        for (Runnable listener : idleListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("Gateway {}: an idle listener failed: {}", getClientId(), e.toString());
            }
        }
    }

    public void addNoticeObserver(Consumer<InboundMessage> observer) {
        inbound.addNoticeObserver(observer);
    }

    /**
     * Publishes a request whose reply is awaited under a fresh key from {@code keys}: the handler is given its outcome
     * within {@code timeoutMillis}, on a worker thread. Under the platform's pace (options {@code maxMessagesPerSecond},
     * {@code maxBytesPerSecond}) the request may first wait its turn, in order; its timeout covers the wait, and one
     * that could not be published in time fails with {@link GatewayPaceExceededException}, unpublished.
     *
     * @param  payload           builds the bytes for the key the request got
     * @return                   the key the request was published under; {@code null} when it waits for the pace
     * @throws GatewayException  nothing was published (not connected, publish refused); the handler is not called
     */
    public String request(Supplier<String> keys, Function<String, byte[]> payload, String topic, int qos,
                          long timeoutMillis, Consumer<RequestOutcome> handler)
            throws GatewayException {
        return request(keys, payload, topic, qos, timeoutMillis, 1, handler);
    }

    /**
     * {@link #request(Supplier, Function, String, int, long, Consumer)} for a request that counts {@code units}
     * against a topic pace that counts sub-devices.
     */
    public String request(Supplier<String> keys, Function<String, byte[]> payload, String topic, int qos,
                          long timeoutMillis, int units, Consumer<RequestOutcome> handler)
            throws GatewayException {
        requireReady();
        PublishPacer pace = pacerFor(topic);
        if (pace == null) {
            return publishRequest(pendingReplies.registerUnderFreshKeyOrStop(keys, timeoutMillis, handler, this),
                    payload, topic, qos, handler);
        }
        String key = keys.get();
        byte[] bytes = payload.apply(key);
        pace.submit(new PublishPacer.Paced() {
            @Override
            public int bytes() {
                return bytes.length;
            }

            @Override
            public int units() {
                return units;
            }

            @Override
            public long maxWaitMillis() {
                return timeoutMillis;
            }

            @Override
            public boolean awaitsAnswer() {
                return true;
            }

            @Override
            public void release(long waitedMillis, PublishPacer.Slot slot) {
                // the request's outcome, whatever it is, ends its slot of the pace (PublishPacer's comment: why)
                Consumer<RequestOutcome> freesItsSlot = outcome -> {
                    slot.answered();
                    handler.accept(outcome);
                };
                try {
                    requireReady();
                    long remaining = Math.max(1, timeoutMillis - waitedMillis);
                    PendingReplies table = pendingReplies;
                    if (table.register(key, remaining, freesItsSlot)) {
                        publishRequest(key, k -> bytes, topic, qos, freesItsSlot);
                    } else {
                        // the key came free meanwhile to another request (ids wrap): take a fresh one
                        publishRequest(table.registerUnderFreshKeyOrStop(keys, remaining, freesItsSlot,
                                GatewayConnection.this), payload, topic, qos, freesItsSlot);
                    }
                } catch (GatewayException | RuntimeException e) {
                    slot.notSent();
                    fail(e instanceof GatewayException ge ? ge
                            : new GatewayPublishException("Gateway " + getClientId() + " could not publish to "
                                                          + topic + ": " + e.getMessage(), e));
                }
            }

            @Override
            public void fail(GatewayException cause) {
                metrics.failed(cause);
                endOnWorker(handler, RequestOutcome.failed(null, cause));
            }
        });
        return null;
    }

    /** The pace a publish on {@code topic} keeps to: its topic's, else the connection's; null for none. */
    private PublishPacer pacerFor(String topic) {
        PublishPacer byTopic = topicPacer;
        if (byTopic != null && options.topicPace().topics().test(topic)) {
            return byTopic;
        }
        return pacer;
    }

    private String publishRequest(String key, Function<String, byte[]> payload, String topic, int qos,
                                  Consumer<RequestOutcome> handler) throws GatewayException {
        PendingReplies table = pendingReplies;
        try {
            send(topic, payload.apply(key), qos, failure -> runOnControl(() -> table.fail(key, failure)));
        } catch (GatewayException | RuntimeException e) {
            table.cancel(key);
            throw e;
        }
        metrics.requestSent();
        return key;
    }

    /**
     * Publishes one message on the shared client without waiting for it to be written, in the platform's pace.
     *
     * @throws GatewayException when the connection is not ready or the client refuses the message
     */
    public void publish(String topic, byte[] payload, int qos) throws GatewayException {
        Consumer<Exception> lateFailure = failure -> LOG.debug("Gateway {} could not deliver a message to {}: {}",
                getClientId(), topic, failure.getMessage());
        PublishPacer pace = pacerFor(topic);
        if (pace == null) {
            send(topic, payload, qos, lateFailure);
            return;
        }
        requireReady();
        pace.submit(new PublishPacer.Paced() {
            @Override
            public int bytes() {
                return payload.length;
            }

            @Override
            public long maxWaitMillis() {
                return Long.MAX_VALUE;
            }

            @Override
            public void release(long waitedMillis, PublishPacer.Slot slot) {
                try {
                    send(topic, payload, qos, lateFailure);
                } catch (GatewayException | RuntimeException e) {
                    lateFailure.accept(e);
                }
            }

            @Override
            public void fail(GatewayException cause) {
                lateFailure.accept(cause);
            }
        });
    }

    /**
     * Runs a task on this connection's workers, where exchanges may continue: a timer task that sends (a batch's
     * linger, a throttled request's retry) must not run what an exchange does next on the shared timer. Runs it here
     * when the workers refuse (stopping, or full) rather than never.
     */
    public void runOnWorker(Runnable task) {
        ExecutorService pool = workers;
        try {
            if (pool != null) {
                pool.execute(task);
                return;
            }
        } catch (RejectedExecutionException full) {
            // stopping or full: run it here rather than never
        }
        task.run();
    }

    /**
     * Runs a task on this connection's workers after a pause (a retry): scheduled on the shared timer, run where
     * exchanges may continue, as {@link #runOnWorker(Runnable)}.
     *
     * @return {@code false} when it cannot be scheduled (stopping): the caller ends with what it has
     */
    public boolean runOnWorkerAfter(long delayMillis, Runnable task) {
        ScheduledExecutorService scheduler = timer;
        try {
            if (scheduler != null) {
                scheduler.schedule(() -> runOnWorker(task), delayMillis, TimeUnit.MILLISECONDS);
                return true;
            }
        } catch (RejectedExecutionException stopping) {
            // the gateway is stopping
        }
        return false;
    }

    /** Hands an outcome to a worker: the pace's timer must not run what an exchange does next. */
    private void endOnWorker(Consumer<RequestOutcome> handler, RequestOutcome outcome) {
        runOnWorker(() -> handler.accept(outcome));
    }

    private void send(String topic, byte[] payload, int qos, Consumer<Exception> lateFailure)
            throws GatewayException {
        requireReady();
        MqttGatewayClient current = client;
        if (current == null) {
            throw new GatewayStoppedException("Gateway " + getClientId() + " is stopped; nothing was published");
        }
        current.publish(topic, payload, qos, lateFailure);
        published.increment();
    }

    private void requireReady() throws GatewayNotConnectedException {
        GatewayLeadership cluster = leadership;
        if (!leading && cluster != null) {
            throw new GatewayNotLeaderException("Gateway " + displayName() + " is led by another node of cluster"
                                                + " namespace " + cluster.namespace() + " (leader: "
                                                + cluster.leaderId() + "); this node holds no connection for it and"
                                                + " published nothing", cluster.namespace());
        }
        if (takenOver) {
            throw new GatewayTakenOverException("Gateway " + getClientId() + " stopped reconnecting to " + getBrokerUrl()
                                                + ": another client keeps taking over its clientId");
        }
        if (!ready) {
            if (!isRunAllowed()) {
                throw new GatewayStoppedException("Gateway " + getClientId() + " is stopped; nothing was published");
            }
            throw new GatewayNotConnectedException("Gateway " + getClientId() + " is not connected to " + getBrokerUrl()
                                                   + " (reconnecting); nothing was published");
        }
    }

    @Override
    protected void doStart() throws Exception {
        everConnected = false;
        takenOver = false;
        takeover.reset();
        backoff.reset();
        try {
            startResources();
            if (options.cluster() != null) {
                // the connect comes with the leadership, whenever this node gets it
                leading = false;
                leadership = new GatewayLeadership(options.cluster(), displayName(), this::leadershipChanged);
                // the checks run on the control pool: one that waits for a connect under way must not hold the timer
                ExecutorService checks = executors.control();
                leadership.start(timer, checks::execute, LEADERSHIP_CHECK_MILLIS);
                return;
            }
            StartupConnects startup = executors.startupConnects();
            if (startup != null && startup.connectInBackground()) {
                CompletableFuture<Void> first = new CompletableFuture<>();
                startup.add(first);
                runOnControl(() -> firstConnect(first));
                return;
            }
            connectAndSubscribe();
        } catch (GatewayAuthenticationException | GatewayTlsException | InvalidGatewayOptionException refused) {
            // retrying would not help. Camel does not stop a service whose start failed: let go of everything here
            releaseResources();
            throw refused;
        } catch (GatewayNotConnectedException unreachable) {
            // the endpoints still start: requests fail fast with GatewayNotConnectedException until the broker is there
            LOG.warn("Gateway {} cannot reach {} ({}); retrying in the background", getClientId(), getBrokerUrl(),
                    unreachable.getMessage());
            scheduleReconnect();
        } catch (Exception | LinkageError e) {
            releaseResources();
            throw e;
        }
    }

    /**
     * The first connect of a gateway started while the CamelContext starts, in parallel with the others'
     * ({@link StartupConnects}); the context waits for {@code first}. A refusal is handed to the context, which then
     * stops the component and with it this connection.
     */
    private synchronized void firstConnect(CompletableFuture<Void> first) {
        if (!isRunAllowed()) {
            first.complete(null);
            return;
        }
        try {
            connectAndSubscribe();
            first.complete(null);
        } catch (GatewayAuthenticationException | GatewayTlsException | InvalidGatewayOptionException refused) {
            // retrying would not help: the context's start fails with it
            LOG.error("{}; not retrying", refused.getMessage());
            first.completeExceptionally(refused);
        } catch (GatewayNotConnectedException unreachable) {
            LOG.warn("Gateway {} cannot reach {} ({}); retrying in the background", getClientId(), getBrokerUrl(),
                    unreachable.getMessage());
            scheduleReconnect();
            first.complete(null);
        } catch (Throwable e) {
            // whatever it was, the context's start must not wait for ever
            first.completeExceptionally(e);
        }
    }

    private void startResources() throws GatewayException {
        GatewayExecutors shared = options.executors();
        ownExecutors = shared == null;
        executors = shared != null ? shared : GatewayExecutors.start(camelContext, this, getClientId(),
                options.replyThreads(), 1, options.inboundQueueSize());
        workers = executors.workers();
        timer = executors.timer();
        control = new SerialLane("GatewayControl[" + getClientId() + "]", executors.control(), Integer.MAX_VALUE);
        pendingReplies = new PendingReplies(timer, workers, metrics, protocol::replyCode);
        pendingReplies.onIdle(this::repliesIdle);
        if (PublishPacer.isNeeded(options.maxMessagesPerSecond(), options.maxBytesPerSecond())) {
            pacer = new PublishPacer(displayName(), options.maxMessagesPerSecond(), options.maxBytesPerSecond(), timer,
                    MONOTONIC_MILLIS);
        }
        if (options.topicPace() != null) {
            topicPacer = new PublishPacer(displayName(), options.topicPace().unitsPerSecond(),
                    options.topicPace().unitName(), 0, timer, MONOTONIC_MILLIS);
        }
        inbound.start(executors, pendingReplies);
        healthChecks = HealthCheckHelper.getHealthCheckRepository(camelContext, "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new GatewayHealthCheck(this);
            healthCheck.setCamelContext(camelContext);
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    private void connectAndSubscribe() throws GatewayException {
        ConnectIdentity identity = options.identity().get();
        String id = identity.clientId() != null ? identity.clientId() : options.clientId();
        if (client == null || !id.equals(clientId)) {
            // a client keeps its clientId for life: a new one (Huawei's next hour) takes a new client
            MqttGatewayClient previous = client;
            if (previous != null) {
                previous.close();
            }
            MqttGatewayClient next = options.clientFactory().create(options.mqtt(), id);
            next.setListener(new Listener(next));
            client = next;
            clientId = id;
        }
        client.connect(identity);
        try {
            client.subscribe(protocol.subscriptions(), protocol.subscriptionQos());
        } catch (GatewayException e) {
            // connected but not subscribed: drop the link so the next attempt starts clean
            client.disconnect(0);
            throw e;
        }
        boolean reconnect = everConnected;
        everConnected = true;
        backoff.reset();
        takeover.connected(System.currentTimeMillis());
        ready = leading;
        if (reconnect) {
            reconnects.increment();
            LOG.info("Gateway {} reconnected to {}; subscriptions restored", getClientId(), getBrokerUrl());
        } else {
            LOG.info("Gateway {} connected to {}", getClientId(), getBrokerUrl());
        }
        for (GatewayConnectionListener listener : connectionListeners) {
            runOnControl(() -> listener.connected(reconnect));
        }
    }

    /** Tries again after a pause, on the control lane rather than the timer: a connect may take connectionTimeout. */
    private void scheduleReconnect() {
        connectAfter(backoff.nextDelayMillis());
    }

    private void connectAfter(long delayMillis) {
        ScheduledExecutorService scheduler = timer;
        try {
            if (scheduler != null) {
                scheduler.schedule(this::reconnectInTurn, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // stopping: nothing to connect
        }
    }

    /** The pause is over: the connect waits for the component's next reconnect turn ({@link ReconnectPace}). */
    private void reconnectInTurn() {
        ScheduledExecutorService scheduler = timer;
        GatewayExecutors threads = executors;
        if (scheduler == null || threads == null) {
            return;
        }
        long waitNanos = threads.reconnectPace().takeTurn(System.nanoTime());
        try {
            if (waitNanos == 0) {
                runOnControl(this::reconnect);
            } else {
                scheduler.schedule(() -> runOnControl(this::reconnect), waitNanos, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            // stopping: nothing to connect
        }
    }

    private synchronized void reconnect() {
        if (!isRunAllowed() || takenOver || !leading || client != null && client.isConnected()) {
            return;
        }
        try {
            connectAndSubscribe();
            if (!leading) {
                // the leadership went while connecting: let go at once
                letGo();
            }
        } catch (GatewayAuthenticationException e) {
            LOG.error("{}; not retrying", e.getMessage());
        } catch (GatewayException | RuntimeException e) {
            LOG.debug("Gateway {} still cannot reach {}: {}", getClientId(), getBrokerUrl(), e.getMessage());
            scheduleReconnect();
        }
    }

    private void onConnectionLost(Throwable cause) {
        ready = false;
        failWaitingForPace(new GatewayNotConnectedException("Gateway " + getClientId() + " lost its connection while"
                                                            + " the request waited for the platform's pace; nothing"
                                                            + " was published"));
        pendingReplies.failAll(new GatewayNotConnectedException("Gateway " + getClientId()
                                                                + " lost its connection while waiting for the reply; "
                                                                + "the platform may or may not have acted on the request",
                cause));
        connectionListeners.forEach(l -> runOnControl(() -> l.disconnected(cause)));
        if (!isRunAllowed() || !leading) {
            return;
        }
        if (takeover.dropped(System.currentTimeMillis())) {
            takenOver = true;
            LOG.error("Gateway {} was disconnected from {} {} times right after connecting: another client is using its"
                      + " clientId, and the platform allows one connection per device. Not reconnecting; stop the other"
                      + " client, then clear the takeover (JMX, or restart the route).",
                    getClientId(), getBrokerUrl(), TAKEOVER_DROPS);
            connectionListeners.forEach(l -> runOnControl(l::takenOver));
            return;
        }
        LOG.warn("Gateway {} lost its connection to {}: {}; reconnecting", getClientId(), getBrokerUrl(),
                cause == null ? "closed" : cause.getMessage());
        scheduleReconnect();
    }

    /**
     * This node started or stopped leading the gateway's namespace. A start connects on the control lane after a
     * short fence (a connect takes time; the cluster's thread must not wait for it). A stop lets go on the thread
     * that tells it, once a connect under way has ended ({@link #letGo()}): another node may lead soon.
     */
    private void leadershipChanged(boolean leads) {
        leading = leads;
        if (leads) {
            backoff.reset();
            connectAfter(LEADERSHIP_FENCE_MILLIS);
        } else {
            letGo();
        }
    }

    /** Disconnects a gateway whose leadership is gone; what was pending fails, and the next leadership starts anew. */
    private void letGo() {
        // at once: nothing more is published
        ready = false;
        // a connect under way holds this lock (reconnect, firstConnect): waiting for it here keeps the caller (the
        // cluster's hand-over, the context's stop) from letting the leadership go while a CONNECT may still reach
        // the broker after the next leader's
        synchronized (this) {
            disconnectAsFollower();
        }
    }

    private void disconnectAsFollower() {
        MqttGatewayClient current = client;
        if (current != null && current.isConnected()) {
            current.disconnect(0);
        }
        String namespace = clusterNamespace();
        GatewayNotLeaderException cause = new GatewayNotLeaderException("Gateway " + displayName() + " lost the"
                                                                        + " leadership of cluster namespace "
                                                                        + namespace + "; the platform may or may not"
                                                                        + " have acted on the request", namespace);
        failWaitingForPace(cause);
        PendingReplies table = pendingReplies;
        if (table != null) {
            table.failAll(cause);
        }
        if (everConnected) {
            everConnected = false;
            connectionListeners.forEach(l -> runOnControl(() -> l.disconnected(cause)));
        }
    }

    /**
     * Gives up the leadership for good (the CamelContext stops): disconnects first, then leaves the election, so the
     * next leader never overlaps this one. Nothing for a gateway that is not clustered.
     */
    public void relinquishLeadership() {
        GatewayLeadership cluster = leadership;
        if (cluster == null) {
            return;
        }
        cluster.mute();
        boolean led = leading;
        leading = false;
        letGo();
        cluster.close();
        if (led) {
            LOG.info("Gateway {} disconnected and gave up the leadership of cluster namespace {}: the CamelContext"
                     + " stops", displayName(), cluster.namespace());
        }
    }

    /** The gateway's namespace in its cluster; {@code null} when it is not clustered. */
    public String clusterNamespace() {
        GatewayCluster cluster = options.cluster();
        return cluster == null ? null : cluster.namespace();
    }

    /** Whether this node may hold the gateway's connection: not clustered, or leading its namespace. */
    public boolean isLeading() {
        return leading;
    }

    private void runOnControl(Runnable task) {
        SerialLane lane = control;
        try {
            if (lane != null) {
                lane.execute(task);
            }
        } catch (RejectedExecutionException stopping) {
            // the lane refuses only once it is shut down: the connection is stopping
            LOG.debug("Gateway {} is stopping; dropped a task", getClientId());
        }
    }

    @Override
    protected void doStop() throws Exception {
        ready = false;
        inbound.stop();
        failWaitingForPace(new GatewayStoppedException("Gateway " + getClientId() + " stopped while the request"
                                                       + " waited for the platform's pace; nothing was published"));
        if (pendingReplies != null) {
            // on this thread: the workers are about to go
            pendingReplies.failAllNow(new GatewayNotConnectedException("Gateway " + getClientId()
                                                                       + " stopped while waiting for the reply; the"
                                                                       + " platform may or may not have acted on the"
                                                                       + " request"));
        }
        releaseResources();
    }

    private void failWaitingForPace(GatewayException cause) {
        for (PublishPacer pace : new PublishPacer[] { pacer, topicPacer }) {
            if (pace != null) {
                pace.failWaiting(cause);
            }
        }
    }

    private void releaseResources() {
        ready = false;
        pacer = null;
        topicPacer = null;
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (client != null) {
            // no quiesce: every request still waiting has ended above, and a stop must not wait for the broker
            client.disconnect(0);
            client.close();
            client = null;
        }
        inbound.stop();
        if (leadership != null) {
            // after the disconnect above: only now may another node lead
            leadership.close();
            leadership = null;
        }
        leading = true;
        if (control != null) {
            // what is still queued ends exchanges or tells listeners: run it here rather than drop it
            List<Runnable> leftovers = control.shutdownNow();
            control = null;
            GatewayExecutors.runAll(leftovers);
        }
        if (executors != null) {
            // shared threads run on for the other gateways (and run what this one queued for the workers); a set of
            // our own stops, running what is still queued
            if (ownExecutors) {
                executors.stop();
            }
            executors = null;
            workers = null;
            timer = null;
        }
    }

    /** The client's one listener. Every method returns at once; the work happens on the workers. */
    private final class Listener implements MqttClientListener {

        /** A client replaced by a newer one (new clientId) may still report its end: that is no loss of ours. */
        private final MqttGatewayClient owner;

        private Listener(MqttGatewayClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (owner == client) {
                runOnControl(() -> onConnectionLost(cause));
            }
        }

        @Override
        public void messageArrived(String topic, byte[] payload) {
            inbound.messageArrived(topic, payload);
        }
    }
}
