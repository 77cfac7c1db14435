package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.BatchItem;
import io.github.camel.iotgateway.mqtt.GatewayClientSupport;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.mqtt.SingleRequestBatcher;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.BatchLoginParams;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.MessageIdSequence;
import io.github.camel.iotgateway.protocol.alink.PlatformEvent;
import io.github.camel.iotgateway.protocol.alink.PlatformPushes;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import io.github.camel.iotgateway.protocol.alink.TopologyTopics;
import org.apache.camel.CamelContext;

/**
 * The session side of one gateway: its message ids, the sub-devices it holds online, and the batchers that gather
 * single logins and logouts. Shared by every endpoint naming the gateway; owns the gateway's one connection.
 */
final class AlinkSessionClient extends GatewayClientSupport {

    private final SessionTopics topics;
    private final TopologyTopics topology;
    private final AlinkSessionConfiguration gatewayConfiguration;
    private final MessageIdSequence ids = new MessageIdSequence();
    private final OnlineSubDevices online;
    private final LoginBudget loginBudget;
    private final PlatformPushes pushes;
    private final ReloginAfterReconnect relogin;
    /** Where the online set is kept for the next leader or process; null when only in memory. */
    private final OnlineSetStore store;
    private final SingleRequestBatcher<SessionItem> loginBatcher;
    private final SingleRequestBatcher<SessionItem> logoutBatcher;

    /**
     * @param gatewayConfiguration the configuration of the first endpoint that named this gateway; every later one
     *                             agrees with it on the gateway-wide options (see {@code AlinkSharedOptions})
     */
    AlinkSessionClient(CamelContext camelContext, GatewayConnection connection, SessionTopics topics,
                       AlinkSessionConfiguration gatewayConfiguration) {
        super(camelContext, connection);
        this.topics = topics;
        this.gatewayConfiguration = gatewayConfiguration;
        this.online = new OnlineSubDevices(gatewayConfiguration.getMaxOnlineSubDevices());
        this.loginBudget = new LoginBudget(gatewayConfiguration.getMaxLoginsPerSubDevicePerMinute(),
                System::currentTimeMillis);
        int batchSize = gatewayConfiguration.getBatchSize();
        long batchTimeout = gatewayConfiguration.getBatchTimeout();
        loginBatcher = newBatcher("login", batchSize, batchTimeout,
                (items, timeout) -> sendTogether(SessionOperation.LOGIN, items, timeout));
        logoutBatcher = newBatcher("logout", batchSize, batchTimeout,
                (items, timeout) -> sendTogether(SessionOperation.LOGOUT, items, timeout));
        this.pushes = new PlatformPushes(gatewayConfiguration.getGatewayProductKey(),
                gatewayConfiguration.getGatewayDeviceName());
        this.topology = new TopologyTopics(gatewayConfiguration.getGatewayProductKey(),
                gatewayConfiguration.getGatewayDeviceName());
        connection.addNoticeObserver(this::onPlatformEvent);
        if (gatewayConfiguration.getStateRepository() == null) {
            store = null;
        } else {
            store = new OnlineSetStore(gatewayConfiguration.getStateRepository(),
                    gatewayConfiguration.getGatewayProductKey() + "." + gatewayConfiguration.getGatewayDeviceName(),
                    connection::runOnWorker, connection::isLeading);
            store.snapshotFrom(online::logins);
            online.onChange(store::changed);
        }
        if (gatewayConfiguration.isReloginAfterReconnect()) {
            relogin = new ReloginAfterReconnect(this, batchSize, gatewayConfiguration.getRequestTimeout(), store);
            connection.addConnectionListener(relogin);
        } else {
            relogin = null;
        }
    }

    OnlineSubDevices online() {
        return online;
    }

    /** The context stops: the online set is stored as it is before the leadership goes. */
    @Override
    public void contextStopping() {
        if (store != null) {
            store.writeNow();
        }
        super.contextStopping();
    }

    /**
     * Follows what the platform pushes, before any events route sees it: a sub-device forced offline (427, 521, 522,
     * 6401) or whose topology was deleted or disabled is no longer held online, so it no longer counts against the cap
     * and is never logged in again after a reconnect; a topology change is answered with its change_reply; with
     * reloginOnSessionError, a 520 for a sub-device held online logs it in again (as the v3 SDK does).
     */
    private void onPlatformEvent(InboundMessage notice) {
        if (!(notice.body() instanceof PlatformEvent event)) {
            return;
        }
        if (event.kind().endsSessions()) {
            online.loggedOut(event.subDevices());
        }
        if (event.status() != null && event.id() != null) {
            try {
                connection().publish(pushes.topologyChangeReply(), PlatformPushes.topologyChangeReply(event.id()),
                        AlinkLimits.SESSION_QOS);
            } catch (GatewayException e) {
                // the platform does not resend it; the change itself is taken into account above
            }
        }
        if (event.kind() == PlatformEvent.Kind.SESSION_ERROR && gatewayConfiguration.isReloginOnSessionError()) {
            for (SubDeviceId device : event.subDevices()) {
                LoginParams login = online.login(device);
                if (login != null && loginBudget.hasRoomFor(device)) {
                    send(SessionOperation.LOGIN, login, gatewayConfiguration.getRequestTimeout(),
                            outcome -> track(SessionOperation.LOGIN, List.of(login), outcome));
                }
            }
        }
    }

    /** Each sub-device's logins in the last minute, against the platform's per-device cap. */
    LoginBudget loginBudget() {
        return loginBudget;
    }

    /** What logging sub-devices in again after reconnects did; null when the option is off. */
    ReloginAfterReconnect relogin() {
        return relogin;
    }

    int batchSize() {
        return gatewayConfiguration.getBatchSize();
    }

    /** Gathers a single login or logout into the gateway's open batch. */
    void enqueue(SessionOperation single, BatchItem<SessionItem> item) {
        (single.isLogin() ? loginBatcher : logoutBatcher).offer(item);
    }

    /**
     * Sends single-device exchanges together: alone as login/logout, several as batch_login/batch_logout. When the
     * platform refuses a batch (it answers all or nothing) the culprits are found by sending parts of it again, so
     * every exchange ends with its own sub-device's true outcome.
     */
    void sendTogether(SessionOperation single, List<BatchItem<SessionItem>> items, long timeoutMillis) {
        // the same sub-device twice in one batch makes the platform refuse all of it (460): repeats go in a batch of
        // their own
        Set<SubDeviceId> seen = new HashSet<>();
        List<BatchItem<SessionItem>> repeats = items.stream().filter(i -> !seen.add(i.request().device())).toList();
        if (!repeats.isEmpty()) {
            List<BatchItem<SessionItem>> firsts = new ArrayList<>(items);
            firsts.removeAll(repeats);
            sendTogether(single, firsts, timeoutMillis);
            sendTogether(single, repeats, timeoutMillis);
            return;
        }
        if (items.size() == 1) {
            sendAlone(items.get(0).request(), timeoutMillis);
            return;
        }
        List<Object> params = items.stream().map(i -> i.request().params()).toList();
        send(single.asBatch(), batchParams(single, params), timeoutMillis, outcome -> {
            if (SessionReplies.refused(outcome)
                && !AlinkCodes.concernsWholeBatch(SessionReplies.reply(outcome).code())) {
                narrowDown(single, items, outcome, timeoutMillis);
            } else {
                items.forEach(item -> item.completion().partEnded(0, outcome));
            }
        });
    }

    /**
     * Finds which sub-devices made a batch fail. When the reply names some (but not all) of them, those fail with the
     * platform's code and the rest go again; otherwise the batch is halved and each half sent again.
     */
    private void narrowDown(SessionOperation single, List<BatchItem<SessionItem>> items, RequestOutcome outcome,
                            long timeoutMillis) {
        Set<SubDeviceId> named = new HashSet<>(AlinkJson.subDevicesIn(SessionReplies.reply(outcome).data()));
        List<BatchItem<SessionItem>> culprits = items.stream().filter(i -> named.contains(i.request().device())).toList();
        if (!culprits.isEmpty() && culprits.size() < items.size()) {
            culprits.forEach(item -> item.completion().partEnded(0, outcome));
            sendTogether(single, items.stream().filter(i -> !named.contains(i.request().device())).toList(),
                    timeoutMillis);
            return;
        }
        int half = items.size() / 2;
        sendTogether(single, new ArrayList<>(items.subList(0, half)), timeoutMillis);
        sendTogether(single, new ArrayList<>(items.subList(half, items.size())), timeoutMillis);
    }

    /**
     * Keeps the online set true to what the platform said about these sub-devices.
     *
     * @param params the wire params of the sub-devices: {@link LoginParams} for a login, {@link SubDeviceId} for a
     *               logout
     */
    void track(SessionOperation operation, List<?> params, RequestOutcome outcome) {
        List<SubDeviceId> devices = params.stream()
                .map(p -> p instanceof LoginParams login ? login.id() : (SubDeviceId) p).toList();
        if (operation.isLogin()) {
            if (SessionReplies.succeeded(outcome)) {
                online.loggedIn(params.stream().map(LoginParams.class::cast).toList());
            } else {
                online.loginEnded(devices);
                if (outcome.failure() != null && outcome.key() == null) {
                    // never published: the platform counted no login against them
                    loginBudget.giveBack(devices);
                }
            }
        } else if (SessionReplies.succeeded(outcome)) {
            online.loggedOut(devices);
        } else if (SessionReplies.refused(outcome)
                   && SessionReplies.reply(outcome).code() == AlinkCodes.DEVICE_NO_SESSION) {
            // the platform holds no session for them: for a single logout that is the device itself; for a batch,
            // only those the reply names, as the others may well be online
            online.loggedOut(devices.size() == 1 ? devices : AlinkJson.subDevicesIn(SessionReplies.reply(outcome).data()));
        }
    }

    Object batchParams(SessionOperation single, List<?> params) {
        if (single.isLogin()) {
            return BatchLoginParams.of(params.stream().map(LoginParams.class::cast).toList());
        }
        return params;
    }

    /** Publishes one session message under a fresh id and hands over how it ended, exactly once. */
    void send(SessionOperation operation, Object params, long timeoutMillis, Consumer<RequestOutcome> done) {
        attempt(operation, params, timeoutMillis, 0, done);
    }

    /**
     * Publishes the message of one single exchange, login or logout, alone: the item takes its outcome itself (and
     * has it sent again when throttled, {@link #retriedIfThrottled}), with no closure of its own while it waits.
     */
    void sendAlone(SessionItem item, long timeoutMillis) {
        publish(item.operation(), item.params(), timeoutMillis, item);
    }

    private void attempt(SessionOperation operation, Object params, long timeoutMillis, int retries,
                         Consumer<RequestOutcome> done) {
        publish(operation, params, timeoutMillis, outcome -> {
            if (!retriedIfThrottled(operation, params, outcome, retries, done)) {
                done.accept(outcome);
            }
        });
    }

    /**
     * The platform answers a throttled request 429 for the whole of it: it is sent again after a pause (1 s, 2 s, 4 s,
     * ...), at most rateLimitRetries times and only while its requestTimeout leaves room (the reply says when it
     * passes: {@link RequestOutcome#deadlineNanos()}); then the 429 is its outcome. A 429 is never narrowed down
     * device by device.
     *
     * @param  retries how often it was sent again so far
     * @return         {@code true} when it goes again: {@code done} then takes the outcome of the retry
     */
    boolean retriedIfThrottled(SessionOperation operation, Object params, RequestOutcome outcome, int retries,
                               Consumer<RequestOutcome> done) {
        if (!SessionReplies.refused(outcome) || SessionReplies.reply(outcome).code() != AlinkCodes.RATE_LIMITED
            || retries >= gatewayConfiguration.getRateLimitRetries()) {
            return false;
        }
        long pauseMillis = 1000L << Math.min(retries, 10);
        long deadlineNanos = outcome.deadlineNanos();
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) - deadlineNanos < 0
               // sent again from a worker: the shared timer must not run what the exchange does next
               && connection().runOnWorkerAfter(pauseMillis, () -> attempt(operation, params,
                       Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())), retries + 1,
                       done));
    }

    private void publish(SessionOperation operation, Object params, long timeoutMillis,
                         Consumer<RequestOutcome> handler) {
        int units = !gatewayConfiguration.loginPaceCountsSubDevices() ? 1
                : params instanceof BatchLoginParams batch ? batch.deviceList().size()
                : params instanceof List<?> list ? list.size() : 1;
        send(ids::next, id -> AlinkJson.request(id, params), topics.request(operation), gatewayConfiguration.getQos(),
                timeoutMillis, units, handler);
    }

    /**
     * Publishes one topology request under a fresh id (the session ids' sequence: ids are unique per gateway) and
     * hands over how it ended, exactly once. Not paced as logins are, and not retried: the platform throttles logins.
     */
    void sendTopology(TopologyOperation operation, Object params, long timeoutMillis, Consumer<RequestOutcome> done) {
        send(ids::next, id -> AlinkJson.request(id, operation.method(), params), topology.request(operation),
                gatewayConfiguration.getQos(), timeoutMillis, 1, done);
    }

    /**
     * Sub-devices detached from the gateway lose their sessions (the platform ends them, 6401): they are no longer
     * held online and never logged in again after a reconnect.
     */
    void topologyDeleted(List<SubDeviceId> devices) {
        online.loggedOut(devices);
    }
}
