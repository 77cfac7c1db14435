package io.github.camel.iotgateway.mqtt;

/**
 * How one published request ended: the platform's reply, a failure that kept the reply from coming (not connected,
 * connection lost, stopping), or no reply within its timeout. Exactly one of these holds.
 *
 * @param key                 the correlation key the request went out under; {@code null} when it was never published
 * @param reply               the reply, when one came
 * @param failure             the failure, when no reply could come
 * @param timedOutAfterMillis the timeout that passed, when neither came
 * @param deadlineNanos       for a reply, when its request's timeout would have passed ({@link System#nanoTime()}):
 *                            what a caller that sends the request again (the platform throttled it) has left
 */
public record RequestOutcome(String key, InboundMessage reply, Exception failure, long timedOutAfterMillis,
                             long deadlineNanos) {

    /** A reply to a request whose timeout passes at {@code deadlineNanos}. */
    public static RequestOutcome replied(InboundMessage reply, long deadlineNanos) {
        return new RequestOutcome(reply.correlationKey(), reply, null, 0, deadlineNanos);
    }

    /** A reply to a request whose deadline is not known: it leaves no time to send the request again. */
    public static RequestOutcome replied(InboundMessage reply) {
        return replied(reply, System.nanoTime());
    }

    public static RequestOutcome failed(String key, Exception failure) {
        return new RequestOutcome(key, null, failure, 0, 0);
    }

    public static RequestOutcome timedOut(String key, long timeoutMillis) {
        return new RequestOutcome(key, null, null, timeoutMillis, 0);
    }

    public boolean answered() {
        return reply != null;
    }

    public boolean isTimeout() {
        return reply == null && failure == null;
    }

    /** The decoded reply body, or {@code null} when no reply came. */
    public Object body() {
        return reply == null ? null : reply.body();
    }
}
