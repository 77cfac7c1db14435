package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceOperationException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A List exchange whose devices went out as several requests of at most the platform's limit, all at once. It ends
 * once, when the last request has ended, with a {@link SubDeviceOperationResult} in input order. A request that got
 * no answer fails the exchange with its timeout or failure; the body then holds the result of the answered ones.
 */
final class ListExchange<E, S> {

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final SubDeviceOperation<E, S> operation;
    private final List<E> entries;
    private final boolean failOnAnyDeviceFailure;
    private final String[] eventIds;
    private final Map<String, DeviceOutcome<S>> outcomes = new HashMap<>();
    private int remaining;
    private String responseType;
    private RequestOutcome<S> firstUnanswered;
    private List<String> firstUnansweredDevices;

    ListExchange(Exchange exchange, AsyncCallback callback, SubDeviceOperation<E, S> operation, List<E> entries,
                 int requests, boolean failOnAnyDeviceFailure) {
        this.exchange = exchange;
        this.callback = callback;
        this.operation = operation;
        this.entries = entries;
        this.failOnAnyDeviceFailure = failOnAnyDeviceFailure;
        this.eventIds = new String[requests];
        this.remaining = requests;
    }

    void requestEnded(int index, List<E> chunk, RequestOutcome<S> outcome) {
        synchronized (this) {
            eventIds[index] = outcome.eventId();
            if (outcome.answered()) {
                responseType = outcome.responseType();
                chunk.forEach(e -> outcomes.put(operation.key(e),
                        outcome.of(operation.key(e), operation.notReported(e, outcome.eventId()))));
            } else if (firstUnanswered == null) {
                firstUnanswered = outcome;
                firstUnansweredDevices = chunk.stream().map(operation::label).toList();
            }
            if (--remaining > 0) {
                return;
            }
        }
        try {
            end();
        } finally {
            callback.done(false);
        }
    }

    private void end() {
        SubDeviceOperationResult<S> result = result();
        Message out = exchange.getMessage();
        out.setBody(result);
        out.setHeader(HuaweiIotConstants.EVENT_TYPE, responseType);
        out.setHeader(HuaweiIotConstants.EVENT_ID, String.join(",", result.eventIds()));
        if (firstUnanswered != null) {
            ExchangeResults.unanswered(exchange, firstUnanswered, firstUnansweredDevices);
            out.setHeader(HuaweiIotConstants.EVENT_ID, String.join(",", result.eventIds()));
        } else if (failOnAnyDeviceFailure && !result.allSucceeded()) {
            exchange.setException(new HuaweiSubDeviceOperationException(result));
        }
    }

    private SubDeviceOperationResult<S> result() {
        List<S> successful = new ArrayList<>();
        List<FailedSubDevice> failed = new ArrayList<>();
        for (E entry : entries) {
            DeviceOutcome<S> outcome = outcomes.get(operation.key(entry));
            if (outcome == null) {
                continue; // its request was not answered
            }
            if (outcome.succeeded()) {
                successful.add(outcome.success());
            } else {
                failed.add(outcome.failure());
            }
        }
        List<String> ids = new ArrayList<>();
        for (String id : eventIds) {
            if (id != null) {
                ids.add(id);
            }
        }
        return new SubDeviceOperationResult<>(successful, failed, ids);
    }
}
