package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** 460 request parameter error: the platform rejected the request's parameters. */
public class AlinkRequestParameterException extends AlinkSessionException {

    public AlinkRequestParameterException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
