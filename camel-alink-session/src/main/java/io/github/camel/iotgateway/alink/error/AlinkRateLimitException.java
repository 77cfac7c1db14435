package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** 429 throttled: too many session messages; retry later. */
public class AlinkRateLimitException extends AlinkSessionException {

    public AlinkRateLimitException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
