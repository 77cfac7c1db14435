package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** 6287 invalid sign: the login sign does not match the sub-device's secret. */
public class AlinkInvalidSignException extends AlinkSessionException {

    public AlinkInvalidSignException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
