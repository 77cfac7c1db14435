package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/** 6402 "topo relation cannot add by self": a thing/topo/add named the gateway itself as its sub-device. */
public class AlinkTopologyRefusedException extends AlinkSessionException {

    public AlinkTopologyRefusedException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(code, platformMessage, subDevices, requestId, succeededSubDevices);
    }
}
