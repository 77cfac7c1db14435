package io.github.camel.iotgateway.mqtt;

/**
 * One single-device request waiting to join a batch: what goes on the wire for its device, the completion of the
 * exchange that asked for it, and how long that exchange waits for the reply (its own endpoint's requestTimeout:
 * items with different timeouts never share a batch).
 *
 * @param <R> what the protocol puts on the wire for one device
 */
public record BatchItem<R>(R request, ExchangeCompletion completion, long timeoutMillis) {

    /** Ends the item's exchange with {@code cause}, unless it already ended. */
    public void fail(Exception cause) {
        completion.failRemaining(cause);
    }
}
