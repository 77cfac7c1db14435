package io.github.camel.iotgateway.huawei;

import java.util.List;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A single-device exchange (one delete, add or status update) from its producer until it ends: its completion, its
 * request entry (a device_id, a {@code DeviceInfo}, a {@code DeviceStatus}: the operation follows from it), and the
 * gateway it went to. It waits in a batch as the batch item's request, or, sent alone, takes its own request's outcome.
 * One object of 40 bytes per waiting exchange, rather than a completion, a finisher, a batch item, the lists of a
 * request of one and the closures over them.
 */
final class SingleDeviceItem extends ExchangeCompletion implements Consumer<RequestOutcome> {

    /** Held rather than the producer's: the exchange may end after its producer stopped and let go of the client. */
    private final HuaweiGatewayClient client;
    private final Object entry;

    SingleDeviceItem(Exchange exchange, AsyncCallback callback, HuaweiGatewayClient client, Object entry) {
        super(exchange, callback);
        this.client = client;
        this.entry = entry;
    }

    SubDeviceOperation<Object, Object> operation() {
        return SubDeviceOperation.ofEntry(entry);
    }

    Object entry() {
        return entry;
    }

    /** Sent alone, the outcome of its own request ends it, once read for its device. */
    @Override
    public void accept(RequestOutcome outcome) {
        partEnded(0, client.received(operation(), List.of(entry), outcome));
    }

    /** Every ending passes here: its request's (read, or unanswered), or a stop before it was published. */
    @Override
    protected void finish(Exchange exchange, List<RequestOutcome> outcomes) {
        RequestOutcome outcome = outcomes.get(0);
        SubDeviceOperation<Object, Object> operation = operation();
        if (outcome.answered()) {
            ExchangeResults.single(exchange, outcome,
                    IotdaResponse.of(outcome).of(operation.key(entry), operation.notReported(entry, outcome.key())),
                    operation.label(entry));
        } else {
            ExchangeResults.unanswered(exchange, outcome, List.of(operation.label(entry)));
        }
    }
}
