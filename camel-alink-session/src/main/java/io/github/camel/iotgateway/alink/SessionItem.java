package io.github.camel.iotgateway.alink;

import java.util.List;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.BatchItem;
import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A single login or logout exchange, from its producer until it ends: its completion, what it puts on the wire (its
 * sub-device's {@code LoginParams} or {@code SubDeviceId}), and the gateway it went to. It waits in a batch as the
 * batch item's request, or, sent alone, takes its own request's outcome. One object per waiting exchange.
 */
final class SessionItem extends ExchangeCompletion implements Consumer<RequestOutcome> {

    /** Held rather than the producer's: the exchange may end after its producer stopped and let go of the client. */
    private final AlinkSessionClient client;
    /** {@link LoginParams} for a login, {@link SubDeviceId} for a logout: the operation follows from it. */
    private final Object params;

    SessionItem(Exchange exchange, AsyncCallback callback, AlinkSessionClient client, Object params) {
        super(exchange, callback);
        this.client = client;
        this.params = params;
    }

    SessionOperation operation() {
        return params instanceof LoginParams ? SessionOperation.LOGIN : SessionOperation.LOGOUT;
    }

    SubDeviceId device() {
        return params instanceof LoginParams login ? login.id() : (SubDeviceId) params;
    }

    Object params() {
        return params;
    }

    /** Sent alone, the outcome of its own request ends it, unless the platform throttled it and it goes again. */
    @Override
    public void accept(RequestOutcome outcome) {
        if (!client.retriedIfThrottled(operation(), params, outcome, 0, this::ended)) {
            ended(outcome);
        }
    }

    private void ended(RequestOutcome outcome) {
        partEnded(0, outcome);
    }

    /** Every ending passes here, also a stop before publishing: the online set and the reserved places follow. */
    @Override
    protected void finish(Exchange exchange, List<RequestOutcome> outcomes) {
        RequestOutcome outcome = outcomes.get(0);
        client.track(operation(), List.of(params), outcome);
        if (SessionReplies.succeeded(outcome)) {
            AlinkReply reply = SessionReplies.reply(outcome);
            ExchangeResults.success(exchange, device(), reply.code(), reply.message(), outcome.key());
        } else {
            ExchangeResults.failure(exchange, outcome, List.of(device()), List.of());
        }
    }

    static List<SubDeviceId> devicesOf(List<BatchItem<SessionItem>> items) {
        return items.stream().map(item -> item.request().device()).toList();
    }
}
