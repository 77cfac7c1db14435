package io.github.camel.iotgateway.huawei;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * A single-device exchange waiting for its outcome, possibly inside a request with other exchanges' devices: its
 * exchange and callback are held here until the request is answered. Ends exactly once.
 *
 * @param entry the request entry for this device (a device_id, a DeviceInfo, a DeviceStatus)
 */
record PendingSingle(Exchange exchange, AsyncCallback callback, Object entry, AtomicBoolean ended) {

    PendingSingle(Exchange exchange, AsyncCallback callback, Object entry) {
        this(exchange, callback, entry, new AtomicBoolean());
    }

    /** Writes the outcome with {@code writer} and completes the exchange, unless it has already ended. */
    void end(Consumer<Exchange> writer) {
        if (ended.compareAndSet(false, true)) {
            try {
                writer.accept(exchange);
            } finally {
                callback.done(false);
            }
        }
    }
}
