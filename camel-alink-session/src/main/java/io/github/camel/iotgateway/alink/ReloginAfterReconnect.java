package io.github.camel.iotgateway.alink;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.camel.iotgateway.mqtt.Chunks;
import io.github.camel.iotgateway.mqtt.GatewayConnectionListener;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.BatchLoginParams;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the gateway goes offline, the platform takes its sub-devices offline too, and after the gateway reconnects it
 * must log them in again itself (docs/protocol-notes.md A.5; the vendor SDKs leave this to the application). This does it: the
 * sub-devices the gateway held online go out again in batch_login messages of at most batchSize; a refused batch is
 * retried device by device, and a sub-device the platform then refuses is dropped from the online set.
 */
final class ReloginAfterReconnect implements GatewayConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReloginAfterReconnect.class);

    /** Unanswered re-login messages go again this many times. */
    private static final int MAX_RETRIES = 3;

    private final AlinkSessionClient client;
    private final int batchSize;
    private final long timeoutMillis;
    private final LongAdder loggedInAgain = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** Where the online set is kept for the next leader; null when only in memory. */
    private final OnlineSetStore store;

    ReloginAfterReconnect(AlinkSessionClient client, int batchSize, long timeoutMillis, OnlineSetStore store) {
        this.client = client;
        this.store = store;
        this.batchSize = batchSize;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sub-devices logged in again after reconnects, since start. */
    long loggedInAgain() {
        return loggedInAgain.sum();
    }

    /** Sub-devices the platform refused to log in again (they are no longer counted online). */
    long refused() {
        return refused.sum();
    }

    /**
     * After a reconnect, the sub-devices this process held online. On a first connect (a start, or a leadership this
     * node has just taken), with a state repository, the sub-devices the gateway's previous process or leader held
     * online, as it stored them.
     */
    @Override
    public void connected(boolean reconnect) {
        if (!reconnect) {
            if (store == null) {
                return;
            }
            client.online().replaceWith(store.load());
        }
        List<LoginParams> logins = client.online().logins();
        if (logins.isEmpty()) {
            return;
        }
        LOG.info("Gateway {} {}: logging its {} sub-devices in again", client.connection().displayName(),
                reconnect ? "reconnected" : "connected (restoring the stored online set)", logins.size());
        // a sub-device whose per-minute login budget is spent stays held online, for the next reconnect
        logins = logins.stream().filter(login -> client.loginBudget().hasRoomFor(login.id())).toList();
        List<List<LoginParams>> chunks = Chunks.of(logins, batchSize);
        AtomicInteger messages = new AtomicInteger(chunks.size());
        for (List<LoginParams> chunk : chunks) {
            loginAgain(chunk, 0, messages);
        }
    }

    /**
     * One batch_login of the re-login. Unanswered (the platform's side may come back a moment after the broker, and
     * the request is lost meanwhile), it goes again after 1, 2 and 4 s while the gateway is connected; then its
     * sub-devices stay held online for the next reconnect.
     */
    private void loginAgain(List<LoginParams> chunk, int attempt, AtomicInteger messages) {
        client.send(SessionOperation.BATCH_LOGIN, BatchLoginParams.of(chunk), timeoutMillis, outcome -> {
            if (SessionReplies.succeeded(outcome)) {
                loggedInAgain.add(chunk.size());
            } else if (SessionReplies.refused(outcome)
                       && !AlinkCodes.concernsWholeBatch(SessionReplies.reply(outcome).code())) {
                // all or nothing, for a reason of some sub-device's: find out device by device who may stay
                chunk.forEach(this::loginAlone);
            } else if (outcome.isTimeout() && attempt < MAX_RETRIES && client.connection().isReady()
                       && client.connection().runOnWorkerAfter(1000L << attempt,
                               () -> loginAgain(chunk, attempt + 1, messages))) {
                return;
            } else {
                // throttled, a server error, no reply: nothing is known against any of them; they stay held
                // online and go again at the next reconnect
                LOG.warn("Gateway {} could not log {} sub-devices in again after reconnecting ({}); keeping them",
                        client.connection().displayName(), chunk.size(), describe(outcome));
            }
            if (messages.decrementAndGet() == 0) {
                LOG.info("Gateway {} logged {} sub-devices in again after reconnecting ({} refused so far)",
                        client.connection().getClientId(), loggedInAgain.sum(), refused.sum());
            }
        });
    }

    private void loginAlone(LoginParams login) {
        client.send(SessionOperation.LOGIN, login, timeoutMillis, outcome -> {
            if (SessionReplies.succeeded(outcome)) {
                loggedInAgain.increment();
            } else if (SessionReplies.refused(outcome)
                       && !AlinkCodes.concernsWholeBatch(SessionReplies.reply(outcome).code())) {
                // only the platform's refusal of this sub-device drops it (deleted, disabled, no topology, ...)
                refused.increment();
                client.online().loggedOut(List.of(login.id()));
                LOG.warn("Gateway {} could not log sub-device {} in again after reconnecting: {}",
                        client.connection().displayName(), login.id(), describe(outcome));
            } else {
                LOG.warn("Gateway {} could not log sub-device {} in again after reconnecting ({}); keeping it",
                        client.connection().displayName(), login.id(), describe(outcome));
            }
        });
    }

    private static String describe(RequestOutcome outcome) {
        return SessionReplies.refused(outcome)
                ? SessionReplies.reply(outcome).code() + " " + SessionReplies.reply(outcome).message()
                : outcome.isTimeout() ? "no reply" : outcome.failure().getMessage();
    }
}
