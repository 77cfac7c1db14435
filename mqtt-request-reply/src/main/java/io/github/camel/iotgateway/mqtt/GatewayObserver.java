package io.github.camel.iotgateway.mqtt;

/**
 * What happens to one gateway connection's requests and messages, told as it happens by the parts that see it: the
 * connection (a request published, a request refused before publishing), its correlation table (answered, timed out,
 * failed, an answer nobody waits for), its inbound dispatcher (a malformed message, a notice handed to an events
 * route) and its batchers (a batch handed on). {@link GatewayMetrics} is the one observer the core calls; it keeps the
 * figures and passes each event on to the Micrometer meters when a registry is bound.
 * <p>
 * Every method is called on the thread of the event (a reply worker, the timer, the dispatcher, a caller's thread), so
 * it must be quick and must not block: a counter increment, no allocation.
 */
public interface GatewayObserver {

    /** A request was published and its reply is awaited. */
    void requestSent();

    /**
     * The platform answered a request.
     *
     * @param code         the platform's answer in a word, from {@link GatewayProtocol#replyCode}
     * @param latencyNanos from the request's publish to its answer
     */
    void replied(String code, long latencyNanos);

    /** No answer came within the request's timeout of {@code timeoutMillis}. */
    void timedOut(long timeoutMillis);

    /** A request ended without an answer for another reason than its timeout: refused before publishing, lost, stopped. */
    void failed(Throwable cause);

    /** An answer that no waiting request claims: late (after its timeout), or for a key nobody asked for. */
    void unmatchedReply();

    /** A second answer to a request that was answered a moment ago (a platform, or QoS 1, delivering twice). */
    void duplicatedReply();

    /** A received message that is not a message of the protocol; dropped. */
    void malformedMessage();

    /** A platform notice handed to the gateway's events routes. */
    void noticeDelivered();

    /** A batcher handed on a batch of {@code size} single requests (1 for a request that found the wire quiet). */
    void batchSent(int size);

    /** The connection came back after it was lost, its subscriptions restored. */
    void reconnected();
}
