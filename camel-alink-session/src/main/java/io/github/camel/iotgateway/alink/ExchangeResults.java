package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.alink.error.AlinkSessionException;
import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes a session outcome into an exchange: result body and headers, or the typed exception. */
final class ExchangeResults {

    private ExchangeResults() {
    }

    static void success(Exchange exchange, Object body, int code, String message, String requestId) {
        Message out = exchange.getMessage();
        out.setBody(body);
        out.setHeader(AlinkSessionConstants.CODE, code);
        out.setHeader(AlinkSessionConstants.MESSAGE, message);
        out.setHeader(AlinkSessionConstants.REQUEST_ID, requestId);
    }

    /**
     * The exchange fails with the outcome's error: the platform's code as a typed exception, a timeout, or the failure
     * that kept the reply from coming.
     */
    static void failure(Exchange exchange, RequestOutcome outcome, List<SubDeviceId> devices, List<SubDeviceId> succeeded) {
        if (SessionReplies.refused(outcome)) {
            AlinkReply reply = SessionReplies.reply(outcome);
            exchange.getMessage().setHeader(AlinkSessionConstants.CODE, reply.code());
            exchange.getMessage().setHeader(AlinkSessionConstants.MESSAGE, reply.message());
            exchange.getMessage().setHeader(AlinkSessionConstants.REQUEST_ID, outcome.key());
            exchange.setException(AlinkSessionException.of(reply.code(), reply.message(), devices, outcome.key(),
                    succeeded));
        } else if (outcome.isTimeout()) {
            exchange.setException(
                    new AlinkSessionTimeoutException(exchange, outcome.timedOutAfterMillis(), outcome.key(), devices));
        } else {
            exchange.setException(outcome.failure());
        }
    }
}
