package io.github.camel.iotgateway.mqtt;

/**
 * Told how a pending request ended. Exactly one method is called, exactly once, on a worker thread (never a Paho
 * thread, never the timeout timer).
 */
public interface ReplyListener {

    void onReply(InboundMessage reply);

    void onTimeout(String key, long timeoutMillis);

    void onFailure(String key, Exception cause);
}
