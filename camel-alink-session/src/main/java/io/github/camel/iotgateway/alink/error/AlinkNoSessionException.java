package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** 520 device no session: the sub-device has no session (it is not online, or another gateway holds it). */
public class AlinkNoSessionException extends AlinkSessionException {

    public AlinkNoSessionException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
