package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.AlinkCodes;

/**
 * What the simulated platform answers a session request: a code, its message and the reply's {@code data} (null for
 * none).
 *
 * @param violation why the request breaks the protocol, for the violation log; null when it does not
 */
record AlinkOutcome(int code, String message, Object data, String violation) {

    static AlinkOutcome of(int code, Object data) {
        return new AlinkOutcome(code, AlinkCodes.message(code), data, null);
    }

    /** 460 "request parameter error": the request itself is wrong, which the violation log records. */
    static AlinkOutcome parameterError(String why, Object data) {
        return new AlinkOutcome(AlinkCodes.REQUEST_PARAMETER_ERROR,
                AlinkCodes.message(AlinkCodes.REQUEST_PARAMETER_ERROR), data, why);
    }

    boolean isSuccess() {
        return code == AlinkCodes.SUCCESS;
    }
}
