package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * 6401 "topo relation not exist": the sub-device is not attached to this gateway. Attach it with
 * {@code alink-session:addTopology} first (register → add topology → login), or see whether the console removed it.
 */
public class AlinkNoTopologyException extends AlinkSubDeviceUnavailableException {

    public AlinkNoTopologyException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
