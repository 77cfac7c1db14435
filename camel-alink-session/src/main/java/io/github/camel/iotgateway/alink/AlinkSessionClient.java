package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.mqtt.ReplyListener;
import io.github.camel.iotgateway.mqtt.SingleRequestBatcher;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.BatchLoginParams;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.MessageIdSequence;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The session side of one gateway: its message ids, the sub-devices it holds online, and the batchers that gather
 * single logins and logouts. Shared by every endpoint naming the gateway; owns the gateway's one connection.
 */
final class AlinkSessionClient extends ServiceSupport {

    private final CamelContext camelContext;
    private final GatewayConnection connection;
    private final SessionTopics topics;
    private final AlinkSessionConfiguration gatewayConfiguration;
    private final MessageIdSequence ids = new MessageIdSequence();
    private final OnlineSubDevices online;
    private ReloginAfterReconnect relogin;
    private SingleRequestBatcher<PendingSingle> loginBatcher;
    private SingleRequestBatcher<PendingSingle> logoutBatcher;

    /**
     * @param gatewayConfiguration the configuration of the first endpoint that named this gateway: it fixes the
     *                             gateway-wide batchSize, batchTimeout and maxOnlineSubDevices
     */
    AlinkSessionClient(CamelContext camelContext, GatewayConnection connection, SessionTopics topics,
                       AlinkSessionConfiguration gatewayConfiguration) {
        this.camelContext = camelContext;
        this.connection = connection;
        this.topics = topics;
        this.gatewayConfiguration = gatewayConfiguration;
        this.online = new OnlineSubDevices(gatewayConfiguration.getMaxOnlineSubDevices());
    }

    OnlineSubDevices online() {
        return online;
    }

    /** What logging sub-devices in again after reconnects did; null when the option is off. */
    ReloginAfterReconnect relogin() {
        return relogin;
    }

    GatewayConnection connection() {
        return connection;
    }

    int batchSize() {
        return gatewayConfiguration.getBatchSize();
    }

    /** Gathers a single login or logout into the gateway's open batch. */
    void enqueue(SessionOperation single, PendingSingle item) {
        (single.isLogin() ? loginBatcher : logoutBatcher).offer(item);
    }

    /**
     * Sends single-device exchanges together: alone as login/logout, several as batch_login/batch_logout. When the
     * platform refuses a batch (it answers all or nothing) the culprits are found by sending parts of it again, so
     * every exchange ends with its own sub-device's true outcome.
     */
    void sendTogether(SessionOperation single, List<PendingSingle> items, long timeoutMillis) {
        // the same sub-device twice in one batch makes the platform refuse all of it (460): repeats go in a batch of
        // their own
        Set<SubDeviceId> seen = new HashSet<>();
        List<PendingSingle> repeats = items.stream().filter(i -> !seen.add(i.device())).toList();
        if (!repeats.isEmpty()) {
            List<PendingSingle> firsts = new ArrayList<>(items);
            firsts.removeAll(repeats);
            sendTogether(single, firsts, timeoutMillis);
            sendTogether(single, repeats, timeoutMillis);
            return;
        }
        List<SubDeviceId> devices = PendingSingle.devicesOf(items);
        if (items.size() == 1) {
            PendingSingle item = items.get(0);
            send(single, devices, item.params(), timeoutMillis, outcome -> endSingle(single, item, outcome));
            return;
        }
        send(single.asBatch(), devices, batchParams(single, items.stream().map(PendingSingle::params).toList()),
                timeoutMillis, outcome -> {
                    if (outcome.succeeded()) {
                        items.forEach(item -> endSingle(single, item, outcome));
                    } else if (outcome.refused() && !AlinkCodes.concernsWholeBatch(outcome.reply().code())) {
                        narrowDown(single, items, outcome, timeoutMillis);
                    } else {
                        items.forEach(item -> endSingle(single, item, outcome));
                    }
                });
    }

    /**
     * Finds which sub-devices made a batch fail. When the reply names some (but not all) of them, those fail with the
     * platform's code and the rest go again; otherwise the batch is halved and each half sent again.
     */
    private void narrowDown(SessionOperation single, List<PendingSingle> items, SessionOutcome outcome, long timeoutMillis) {
        Set<SubDeviceId> named = new HashSet<>(AlinkJson.subDevicesIn(outcome.reply().data()));
        List<PendingSingle> culprits = items.stream().filter(i -> named.contains(i.device())).toList();
        if (!culprits.isEmpty() && culprits.size() < items.size()) {
            culprits.forEach(item -> endSingle(single, item, outcome));
            sendTogether(single, items.stream().filter(i -> !named.contains(i.device())).toList(), timeoutMillis);
            return;
        }
        int half = items.size() / 2;
        sendTogether(single, new ArrayList<>(items.subList(0, half)), timeoutMillis);
        sendTogether(single, new ArrayList<>(items.subList(half, items.size())), timeoutMillis);
    }

    /** Ends one exchange with the outcome of the message that carried its sub-device, and tracks who is online. */
    void endSingle(SessionOperation single, PendingSingle item, SessionOutcome outcome) {
        List<SubDeviceId> device = List.of(item.device());
        track(single, List.of(item.params()), outcome);
        item.end(exchange -> {
            if (outcome.succeeded()) {
                AlinkReply reply = outcome.reply();
                ExchangeResults.success(exchange, item.device(), reply.code(), reply.message(), outcome.requestId());
            } else {
                ExchangeResults.failure(exchange, outcome, device, List.of());
            }
        });
    }

    /**
     * Keeps the online set true to what the platform said about these sub-devices.
     *
     * @param params the wire params of the sub-devices: {@link LoginParams} for a login, {@link SubDeviceId} for a
     *               logout
     */
    void track(SessionOperation operation, List<?> params, SessionOutcome outcome) {
        List<SubDeviceId> devices = params.stream()
                .map(p -> p instanceof LoginParams login ? login.id() : (SubDeviceId) p).toList();
        if (operation.isLogin()) {
            if (outcome.succeeded()) {
                online.loggedIn(params.stream().map(LoginParams.class::cast).toList());
            } else {
                online.loginEnded(devices);
            }
        } else if (outcome.succeeded()) {
            online.loggedOut(devices);
        } else if (outcome.refused() && outcome.reply().code() == AlinkCodes.DEVICE_NO_SESSION) {
            // the platform holds no session for them: for a single logout that is the device itself; for a batch,
            // only those the reply names, as the others may well be online
            online.loggedOut(devices.size() == 1 ? devices : AlinkJson.subDevicesIn(outcome.reply().data()));
        }
    }

    Object batchParams(SessionOperation single, List<Object> params) {
        if (single.isLogin()) {
            return BatchLoginParams.of(params.stream().map(LoginParams.class::cast).toList());
        }
        return params;
    }

    /**
     * Publishes one session message under a fresh id and reports how it ended, exactly once. A message that cannot be
     * published ends at once as a failure.
     */
    void send(SessionOperation operation, List<SubDeviceId> devices, Object params, long timeoutMillis,
              Consumer<SessionOutcome> done) {
        try {
            connection.request(ids::next, id -> AlinkJson.request(id, params), topics.request(operation),
                    gatewayConfiguration.getQos(), timeoutMillis, new ReplyListener() {
                        @Override
                        public void onReply(InboundMessage reply) {
                            done.accept(SessionOutcome.replied(reply.correlationKey(), (AlinkReply) reply.body()));
                        }

                        @Override
                        public void onTimeout(String key, long timeout) {
                            done.accept(SessionOutcome.timedOut(key, timeout));
                        }

                        @Override
                        public void onFailure(String key, Exception cause) {
                            done.accept(SessionOutcome.failed(key, cause));
                        }
                    });
        } catch (GatewayException | RuntimeException e) {
            done.accept(SessionOutcome.failed(null, e));
        }
    }

    @Override
    protected void doStart() throws Exception {
        String name = topics.request(SessionOperation.LOGIN);
        long timeout = gatewayConfiguration.getRequestTimeout();
        loginBatcher = new SingleRequestBatcher<>(camelContext, name + "#login", gatewayConfiguration.getBatchSize(),
                gatewayConfiguration.getBatchTimeout(), items -> sendTogether(SessionOperation.LOGIN, items, timeout));
        logoutBatcher = new SingleRequestBatcher<>(camelContext, name + "#logout", gatewayConfiguration.getBatchSize(),
                gatewayConfiguration.getBatchTimeout(), items -> sendTogether(SessionOperation.LOGOUT, items, timeout));
        if (gatewayConfiguration.isReloginAfterReconnect()) {
            relogin = new ReloginAfterReconnect(this, gatewayConfiguration.getBatchSize(), timeout);
            connection.addConnectionListener(relogin);
        }
        ServiceHelper.startService(connection);
        ServiceHelper.startService(loginBatcher, logoutBatcher);
    }

    @Override
    protected void doStop() throws Exception {
        // flushes the open batches, whose exchanges then end with their replies or a failure
        ServiceHelper.stopService(loginBatcher, logoutBatcher);
        ServiceHelper.stopService(connection);
    }
}
