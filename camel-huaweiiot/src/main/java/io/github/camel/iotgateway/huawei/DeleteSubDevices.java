package io.github.camel.iotgateway.huawei;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.DeviceFailure;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;

/** delete_sub_device_request: entries are child device_ids; the response lists the deleted ids and the failures. */
final class DeleteSubDevices extends SubDeviceOperation<String, String> {

    static final DeleteSubDevices INSTANCE = new DeleteSubDevices();

    private DeleteSubDevices() {
    }

    @Override
    HuaweiIotOperation operation() {
        return HuaweiIotOperation.deleteSubDevice;
    }

    @Override
    EventType requestType() {
        return EventType.DELETE_SUB_DEVICE_REQUEST;
    }

    @Override
    int maxPerRequest() {
        return IotdaLimits.MAX_DELETE_DEVICES;
    }

    @Override
    boolean takesPlainText() {
        return true;
    }

    @Override
    String entry(Object item) {
        if (item instanceof String id) {
            return requireId("device_id", id);
        }
        if (item instanceof JsonNode node && node.isTextual()) {
            return requireId("device_id", node.textValue());
        }
        throw new InvalidSubDeviceException("deleteSubDevice got " + SubDeviceBodies.kindOf(item) + "; it takes "
                                            + acceptedBodies());
    }

    @Override
    String acceptedBodies() {
        return "a device_id as a String (or a JSON string), or a List, array or JSON array of device_ids";
    }

    @Override
    String key(String deviceId) {
        return deviceId;
    }

    @Override
    String label(String deviceId) {
        return deviceId;
    }

    @Override
    Object paras(List<String> deviceIds) {
        return new DeleteSubDeviceParas(deviceIds);
    }

    @Override
    Map<String, DeviceOutcome<String>> outcomes(JsonNode paras, List<String> deviceIds, String eventId) {
        DeleteSubDeviceResponseParas response = IotdaJson.convert(paras, DeleteSubDeviceResponseParas.class);
        Set<String> asked = new HashSet<>(deviceIds);
        Map<String, DeviceOutcome<String>> outcomes = new HashMap<>();
        for (String deleted : response.successfulDevices()) {
            if (asked.contains(deleted)) {
                outcomes.put(deleted, DeviceOutcome.succeeded(deleted));
            }
        }
        // a device listed in both lists counts as failed: claiming a deletion that may not have happened is worse
        for (DeviceFailure failure : response.failedDevices()) {
            if (failure != null && asked.contains(failure.deviceId())) {
                outcomes.put(failure.deviceId(), DeviceOutcome.failed(new FailedSubDevice(failure.deviceId(), null, null,
                        failure.errorCode(), failure.errorMsg(), eventId, true)));
            }
        }
        return outcomes;
    }

    @Override
    FailedSubDevice notReported(String deviceId, String eventId) {
        return new FailedSubDevice(deviceId, null, null, null, FailedSubDevice.NOT_REPORTED, eventId, false);
    }
}
