package io.github.camel.iotgateway.huawei;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.iotda.DeviceFailure;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusParas;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusResponseParas;

/**
 * sub_device_update_status: entries are {device_id, status ONLINE|OFFLINE}; the response lists the updated devices
 * (objects, unlike the delete response) and the failures.
 */
final class UpdateSubDeviceStatuses extends SubDeviceOperation<DeviceStatus, DeviceStatus> {

    static final UpdateSubDeviceStatuses INSTANCE = new UpdateSubDeviceStatuses();

    private UpdateSubDeviceStatuses() {
    }

    @Override
    HuaweiIotOperation operation() {
        return HuaweiIotOperation.updateSubDeviceStatus;
    }

    @Override
    EventType requestType() {
        return EventType.SUB_DEVICE_UPDATE_STATUS;
    }

    @Override
    int maxPerRequest() {
        return IotdaLimits.MAX_STATUS_DEVICES;
    }

    @Override
    DeviceStatus entry(Object item) {
        DeviceStatus status = SubDeviceBodies.convert(item, DeviceStatus.class, this);
        requireId("device_id", status.deviceId());
        if (!DeviceStatus.ONLINE.equals(status.status()) && !DeviceStatus.OFFLINE.equals(status.status())) {
            throw new InvalidSubDeviceException("status of device " + status.deviceId() + " must be "
                                                + DeviceStatus.ONLINE + " or " + DeviceStatus.OFFLINE);
        }
        return status;
    }

    @Override
    String acceptedBodies() {
        return "a DeviceStatus, or a Map or JSON object with device_id and status (ONLINE or OFFLINE), or a List, array"
               + " or JSON array of those";
    }

    @Override
    String key(DeviceStatus status) {
        return status.deviceId();
    }

    @Override
    String label(DeviceStatus status) {
        return status.deviceId();
    }

    @Override
    Object paras(List<DeviceStatus> statuses) {
        return new UpdateStatusParas(statuses);
    }

    @Override
    Map<String, DeviceOutcome<DeviceStatus>> outcomes(JsonNode paras, List<DeviceStatus> statuses, String eventId) {
        UpdateStatusResponseParas response = IotdaJson.convert(paras, UpdateStatusResponseParas.class);
        Set<String> asked = new HashSet<>(statuses.stream().map(DeviceStatus::deviceId).toList());
        Map<String, DeviceOutcome<DeviceStatus>> outcomes = new HashMap<>();
        for (DeviceStatus updated : response.successfulDevices()) {
            if (updated != null && asked.contains(updated.deviceId())) {
                outcomes.put(updated.deviceId(), DeviceOutcome.succeeded(updated));
            }
        }
        for (DeviceFailure failure : response.failedDevices()) {
            if (failure != null && asked.contains(failure.deviceId())) {
                outcomes.put(failure.deviceId(), DeviceOutcome.failed(new FailedSubDevice(failure.deviceId(), null, null,
                        failure.errorCode(), failure.errorMsg(), eventId, true)));
            }
        }
        return outcomes;
    }

    @Override
    FailedSubDevice notReported(DeviceStatus status, String eventId) {
        return new FailedSubDevice(status.deviceId(), null, null, null, FailedSubDevice.NOT_REPORTED, eventId, false);
    }
}
