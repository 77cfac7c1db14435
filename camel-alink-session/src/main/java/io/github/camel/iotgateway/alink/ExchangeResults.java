package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.alink.error.AlinkSessionException;
import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
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
    static void failure(Exchange exchange, SessionOutcome outcome, List<SubDeviceId> devices, List<SubDeviceId> succeeded) {
        if (outcome.refused()) {
            exchange.getMessage().setHeader(AlinkSessionConstants.CODE, outcome.reply().code());
            exchange.getMessage().setHeader(AlinkSessionConstants.MESSAGE, outcome.reply().message());
            exchange.getMessage().setHeader(AlinkSessionConstants.REQUEST_ID, outcome.requestId());
            exchange.setException(AlinkSessionException.of(outcome.reply().code(), outcome.reply().message(), devices,
                    outcome.requestId(), succeeded));
        } else if (outcome.isTimeout()) {
            exchange.setException(
                    new AlinkSessionTimeoutException(exchange, outcome.timedOutAfterMillis(), outcome.requestId(), devices));
        } else {
            exchange.setException(outcome.failure());
        }
    }
}
