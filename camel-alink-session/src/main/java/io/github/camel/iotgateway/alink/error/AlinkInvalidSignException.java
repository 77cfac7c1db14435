package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The sign does not match the sub-device's secret: 6287 "invalid sign" for a login, 401 "request auth error" for a
 * thing/topo/add entry. Check the deviceSecret, or how a ready sign was made.
 */
public class AlinkInvalidSignException extends AlinkSessionException {

    public AlinkInvalidSignException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
