package io.github.camel.iotgateway.alink;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A single-device exchange waiting for its outcome, possibly inside a batch: its exchange and callback are held here
 * until the message that carries it is answered. Ends exactly once.
 *
 * @param params what goes on the wire for this device: its {@code LoginParams} or its {@code SubDeviceId}
 */
record PendingSingle(Exchange exchange, AsyncCallback callback, SubDeviceId device, Object params, AtomicBoolean ended) {

    PendingSingle(Exchange exchange, AsyncCallback callback, SubDeviceId device, Object params) {
        this(exchange, callback, device, params, new AtomicBoolean());
    }

    static List<SubDeviceId> devicesOf(List<PendingSingle> items) {
        return items.stream().map(PendingSingle::device).toList();
    }

    /** Writes the outcome with {@code writer} and completes the exchange, unless it has already ended. */
    void end(java.util.function.Consumer<Exchange> writer) {
        if (ended.compareAndSet(false, true)) {
            try {
                writer.accept(exchange);
            } finally {
                callback.done(false);
            }
        }
    }
}
