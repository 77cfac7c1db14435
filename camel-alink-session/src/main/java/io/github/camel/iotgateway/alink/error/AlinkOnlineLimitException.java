package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** 428 too many sub-devices under the gateway: the online cap is reached (also raised by the component before sending, with no request id). */
public class AlinkOnlineLimitException extends AlinkSessionException {

    public AlinkOnlineLimitException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
