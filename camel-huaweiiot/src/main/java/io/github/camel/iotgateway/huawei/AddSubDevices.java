package io.github.camel.iotgateway.huawei;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.huawei.error.ExtensionInfoTooLargeException;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceFailure;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;

/**
 * add_sub_device_request: entries are {@link DeviceInfo}s. A device being added has no device_id yet, so the response
 * names failures by node_id and product_id, and successes by node_id with the device_id the platform gave them
 * (product_id optional there).
 */
final class AddSubDevices extends SubDeviceOperation<DeviceInfo, AddedDevice> {

    static final AddSubDevices INSTANCE = new AddSubDevices();

    private AddSubDevices() {
    }

    @Override
    HuaweiIotOperation operation() {
        return HuaweiIotOperation.addSubDevice;
    }

    @Override
    EventType requestType() {
        return EventType.ADD_SUB_DEVICE_REQUEST;
    }

    @Override
    int maxPerRequest() {
        return IotdaLimits.MAX_ADD_DEVICES;
    }

    @Override
    DeviceInfo entry(Object item) {
        DeviceInfo device = SubDeviceBodies.convert(item, DeviceInfo.class, this);
        requireId("node_id", device.nodeId());
        requireId("product_id", device.productId());
        if (device.deviceId() != null) {
            requireId("device_id", device.deviceId());
        }
        if (device.extensionInfo() != null && !device.extensionInfo().isNull() && !device.extensionInfo().isMissingNode()
            && !device.extensionInfo().isObject()) {
            // the platform documents extension_info as an Object and refuses anything else
            throw new InvalidSubDeviceException("extension_info of node_id " + device.nodeId() + " must be a JSON object");
        }
        int size = IotdaJson.sizeInBytes(device.extensionInfo());
        if (size > IotdaLimits.MAX_EXTENSION_INFO_BYTES) {
            throw new ExtensionInfoTooLargeException(device.nodeId(), size, IotdaLimits.MAX_EXTENSION_INFO_BYTES);
        }
        return device;
    }

    @Override
    String acceptedBodies() {
        return "a DeviceInfo, or a Map or JSON object with node_id and product_id (required) and device_id, name,"
               + " description, extension_info (optional), or a List, array or JSON array of those";
    }

    @Override
    String key(DeviceInfo device) {
        return key(device.nodeId(), device.productId());
    }

    private static String key(String nodeId, String productId) {
        // NUL is refused in ids, so it cannot make two different pairs meet
        return nodeId + '\0' + productId;
    }

    @Override
    String label(DeviceInfo device) {
        return device.nodeId() + "/" + device.productId();
    }

    @Override
    Object paras(List<DeviceInfo> devices) {
        return new AddSubDeviceParas(devices);
    }

    @Override
    Map<String, DeviceOutcome<AddedDevice>> outcomes(JsonNode paras, List<DeviceInfo> devices, String eventId) {
        AddSubDeviceResponseParas response = IotdaJson.convert(paras, AddSubDeviceResponseParas.class);
        Map<String, DeviceOutcome<AddedDevice>> outcomes = new HashMap<>();
        for (AddedDevice added : response.successfulDevices()) {
            DeviceInfo asked = added == null ? null : match(devices, added.nodeId(), added.productId(), added.deviceId());
            if (asked != null) {
                outcomes.put(key(asked), DeviceOutcome.succeeded(added));
            }
        }
        for (AddSubDeviceFailure failure : response.failedDevices()) {
            DeviceInfo asked = failure == null ? null : match(devices, failure.nodeId(), failure.productId(), null);
            if (asked != null) {
                outcomes.put(key(asked), DeviceOutcome.failed(new FailedSubDevice(null, asked.nodeId(), asked.productId(),
                        failure.errorCode(), failure.errorMsg(), eventId, true)));
            }
        }
        return outcomes;
    }

    /**
     * The request entry a response entry is about: by node_id and product_id when the platform gives the product,
     * otherwise by the device_id it gave, otherwise by a node_id only one entry has.
     */
    private static DeviceInfo match(List<DeviceInfo> devices, String nodeId, String productId, String deviceId) {
        if (productId != null) {
            return devices.stream().filter(d -> d.nodeId().equals(nodeId) && d.productId().equals(productId)).findFirst()
                    .orElse(null);
        }
        if (deviceId != null) {
            DeviceInfo byDeviceId = devices.stream().filter(d -> d.effectiveDeviceId().equals(deviceId)).findFirst()
                    .orElse(null);
            if (byDeviceId != null) {
                return byDeviceId;
            }
        }
        List<DeviceInfo> byNode = devices.stream().filter(d -> d.nodeId().equals(nodeId)).toList();
        return byNode.size() == 1 ? byNode.get(0) : null;
    }

    @Override
    FailedSubDevice notReported(DeviceInfo device, String eventId) {
        return new FailedSubDevice(null, device.nodeId(), device.productId(), null, FailedSubDevice.NOT_REPORTED, eventId,
                false);
    }
}
