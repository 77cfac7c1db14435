package io.github.camel.iotgateway.alink;

import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.StringJoiner;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A batchLogin / batchLogout exchange whose list went out as several messages of at most batchSize. It ends once, when
 * the last message has ended: with all sub-devices as its body, or failing with the first refused message's code while
 * naming the sub-devices the other messages did take care of.
 */
final class BatchExchange {

    private final Exchange exchange;
    private final AsyncCallback callback;
    private final List<SubDeviceId> order;
    private final String[] requestIds;
    private final Set<SubDeviceId> succeeded = new HashSet<>();
    private int remaining;
    private SessionOutcome firstFailure;
    private List<SubDeviceId> firstFailureDevices;
    private SessionOutcome lastSuccess;

    BatchExchange(Exchange exchange, AsyncCallback callback, List<SubDeviceId> order, int messages) {
        this.exchange = exchange;
        this.callback = callback;
        this.order = order;
        this.requestIds = new String[messages];
        this.remaining = messages;
    }

    void messageEnded(int index, List<SubDeviceId> devices, SessionOutcome outcome) {
        synchronized (this) {
            requestIds[index] = outcome.requestId();
            if (outcome.succeeded()) {
                succeeded.addAll(devices);
                lastSuccess = outcome;
            } else if (firstFailure == null) {
                firstFailure = outcome;
                firstFailureDevices = devices;
            }
            if (--remaining > 0) {
                return;
            }
        }
        try {
            if (firstFailure == null) {
                ExchangeResults.success(exchange, inInputOrder(), lastSuccess.reply().code(), lastSuccess.reply().message(),
                        joinedRequestIds());
            } else {
                ExchangeResults.failure(exchange, firstFailure, firstFailureDevices, inInputOrder());
            }
        } finally {
            callback.done(false);
        }
    }

    private List<SubDeviceId> inInputOrder() {
        return order.stream().filter(succeeded::contains).toList();
    }

    private String joinedRequestIds() {
        StringJoiner joined = new StringJoiner(",");
        for (String id : requestIds) {
            joined.add(String.valueOf(id));
        }
        return joined.toString();
    }
}
