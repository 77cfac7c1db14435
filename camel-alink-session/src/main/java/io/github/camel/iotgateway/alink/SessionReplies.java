package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;

/** How the core's {@link RequestOutcome} of a session message reads in Alink terms. */
final class SessionReplies {

    private SessionReplies() {
    }

    /** The platform's reply, or {@code null} when none came. */
    static AlinkReply reply(RequestOutcome outcome) {
        return (AlinkReply) outcome.body();
    }

    static boolean succeeded(RequestOutcome outcome) {
        return outcome.answered() && reply(outcome).isSuccess();
    }

    /** The platform answered with an error code. */
    static boolean refused(RequestOutcome outcome) {
        return outcome.answered() && !reply(outcome).isSuccess();
    }
}
