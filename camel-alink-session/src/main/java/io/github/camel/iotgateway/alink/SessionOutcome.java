package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.AlinkReply;

/**
 * How one session message ended: the platform's reply, a failure to get one (not connected, connection lost), or no
 * reply within the timeout. Exactly one of these holds.
 */
record SessionOutcome(String requestId, AlinkReply reply, Exception failure, long timedOutAfterMillis) {

    static SessionOutcome replied(String requestId, AlinkReply reply) {
        return new SessionOutcome(requestId, reply, null, 0);
    }

    static SessionOutcome failed(String requestId, Exception failure) {
        return new SessionOutcome(requestId, null, failure, 0);
    }

    static SessionOutcome timedOut(String requestId, long millis) {
        return new SessionOutcome(requestId, null, null, millis);
    }

    boolean succeeded() {
        return reply != null && reply.isSuccess();
    }

    /** The platform answered with an error code. */
    boolean refused() {
        return reply != null && !reply.isSuccess();
    }

    boolean isTimeout() {
        return reply == null && failure == null;
    }
}
