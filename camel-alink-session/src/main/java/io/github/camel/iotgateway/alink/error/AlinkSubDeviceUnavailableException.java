package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** The sub-device cannot go online: 6100 not found, 521 deleted, 522 disabled or 6401 no topology with this gateway. */
public class AlinkSubDeviceUnavailableException extends AlinkSessionException {

    public AlinkSubDeviceUnavailableException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
