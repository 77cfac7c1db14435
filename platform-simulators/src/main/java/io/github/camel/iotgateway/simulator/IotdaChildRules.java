package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceFailure;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.DeviceFailure;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusResponseParas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.github.camel.iotgateway.simulator.IotdaSimulatorCodes.DEVICE_ALREADY_EXISTS;
import static io.github.camel.iotgateway.simulator.IotdaSimulatorCodes.DEVICE_NOT_FOUND;
import static io.github.camel.iotgateway.simulator.IotdaSimulatorCodes.INVALID_PARAMETER;

/**
 * The rules the IoTDA platform applies to the three child-device requests (docs/protocol-notes.md B.3–B.5). Results are per
 * device, so one request may partly succeed. A request over its count limit, or without its list, is rejected whole:
 * every device it names is failed and nothing changes. Breaking a documented rule (a limit, a mandatory field, a bad
 * value) is a violation; a device that is unknown or already exists is an ordinary result.
 */
final class IotdaChildRules {

    private final ChildRegistry registry;
    private final String gatewayDeviceId;

    IotdaChildRules(ChildRegistry registry, String gatewayDeviceId) {
        this.registry = registry;
        this.gatewayDeviceId = gatewayDeviceId;
    }

    /** @param request one of the three request types */
    IotdaOutcome apply(EventType request, JsonNode paras) {
        // one consistent view of the children for the whole request, also against a test registering children
        synchronized (registry) {
            return switch (request) {
                case ADD_SUB_DEVICE_REQUEST -> add(paras);
                case DELETE_SUB_DEVICE_REQUEST -> delete(paras);
                case SUB_DEVICE_UPDATE_STATUS -> updateStatus(paras);
                default -> throw new IllegalArgumentException(request + " is not a request with a response");
            };
        }
    }

    private IotdaOutcome add(JsonNode paras) {
        List<String> violations = new ArrayList<>();
        List<AddedDevice> added = new ArrayList<>();
        List<AddSubDeviceFailure> failed = new ArrayList<>();
        JsonNode list = paras.path("devices");
        if (!list.isArray()) {
            violations.add("add_sub_device_request without paras.devices list; rejected");
            return new IotdaOutcome(new AddSubDeviceResponseParas(added, failed), violations);
        }
        String countError = countError("add_sub_device_request", list.size(), 1, IotdaLimits.MAX_ADD_DEVICES);
        if (countError != null) {
            violations.add(countError + "; rejected");
            for (JsonNode item : list) {
                failed.add(new AddSubDeviceFailure(text(item, "node_id"), text(item, "product_id"),
                        INVALID_PARAMETER, countError));
            }
            return new IotdaOutcome(new AddSubDeviceResponseParas(added, failed), violations);
        }
        Set<String> takenInThisRequest = new HashSet<>();
        for (JsonNode item : list) {
            String nodeId = text(item, "node_id");
            String productId = text(item, "product_id");
            String invalid = invalidAddEntry(item);
            if (invalid != null) {
                violations.add("add_sub_device_request entry " + nodeId + "/" + productId + ": " + invalid);
                failed.add(new AddSubDeviceFailure(nodeId, productId, INVALID_PARAMETER, invalid));
                continue;
            }
            DeviceInfo device = IotdaJson.convert(item, DeviceInfo.class);
            String deviceId = device.effectiveDeviceId();
            if (registry.contains(deviceId) || !takenInThisRequest.add(deviceId)) {
                failed.add(new AddSubDeviceFailure(nodeId, productId, DEVICE_ALREADY_EXISTS,
                        "device " + deviceId + " already exists"));
                continue;
            }
            AddedDevice created = AddedDevice.created(gatewayDeviceId, device);
            registry.add(new ChildRegistry.Child(deviceId, nodeId, productId, created.status()));
            added.add(created);
        }
        return new IotdaOutcome(new AddSubDeviceResponseParas(added, failed), violations);
    }

    private IotdaOutcome delete(JsonNode paras) {
        List<String> violations = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<DeviceFailure> failed = new ArrayList<>();
        JsonNode list = paras.path("devices");
        if (!list.isArray()) {
            violations.add("delete_sub_device_request without paras.devices list; rejected");
            return new IotdaOutcome(new DeleteSubDeviceResponseParas(deleted, failed), violations);
        }
        String countError = countError("delete_sub_device_request", list.size(), 1, IotdaLimits.MAX_DELETE_DEVICES);
        if (countError != null) {
            violations.add(countError + "; rejected");
            for (JsonNode item : list) {
                failed.add(new DeviceFailure(scalar(item), INVALID_PARAMETER, countError));
            }
            return new IotdaOutcome(new DeleteSubDeviceResponseParas(deleted, failed), violations);
        }
        for (JsonNode item : list) {
            if (!item.isTextual() || item.textValue().isEmpty()) {
                String why = "a device to delete must be a non-empty device_id string but was " + item;
                violations.add("delete_sub_device_request: " + why);
                failed.add(new DeviceFailure(scalar(item), INVALID_PARAMETER, why));
            } else if (registry.remove(item.textValue())) {
                deleted.add(item.textValue());
            } else {
                failed.add(new DeviceFailure(item.textValue(), DEVICE_NOT_FOUND, "device not found"));
            }
        }
        return new IotdaOutcome(new DeleteSubDeviceResponseParas(deleted, failed), violations);
    }

    private IotdaOutcome updateStatus(JsonNode paras) {
        List<String> violations = new ArrayList<>();
        List<DeviceStatus> updated = new ArrayList<>();
        List<DeviceFailure> failed = new ArrayList<>();
        JsonNode list = paras.path("device_statuses");
        if (!list.isArray()) {
            violations.add("sub_device_update_status without paras.device_statuses list; rejected");
            return new IotdaOutcome(new UpdateStatusResponseParas(updated, failed), violations);
        }
        String countError = countError("sub_device_update_status", list.size(), IotdaLimits.MIN_STATUS_DEVICES,
                IotdaLimits.MAX_STATUS_DEVICES);
        if (countError != null) {
            violations.add(countError + "; rejected");
            for (JsonNode item : list) {
                failed.add(new DeviceFailure(text(item, "device_id"), INVALID_PARAMETER, countError));
            }
            return new IotdaOutcome(new UpdateStatusResponseParas(updated, failed), violations);
        }
        for (JsonNode item : list) {
            String deviceId = text(item, "device_id");
            String status = text(item, "status");
            if (deviceId == null || deviceId.isEmpty()
                || !(DeviceStatus.ONLINE.equals(status) || DeviceStatus.OFFLINE.equals(status))) {
                String why = "a status entry needs device_id and status ONLINE or OFFLINE but was " + item;
                violations.add("sub_device_update_status: " + why);
                failed.add(new DeviceFailure(deviceId, INVALID_PARAMETER, why));
            } else if (!registry.contains(deviceId)) {
                failed.add(new DeviceFailure(deviceId, DEVICE_NOT_FOUND, "device not found"));
            } else {
                registry.setStatus(deviceId, status);
                updated.add(new DeviceStatus(deviceId, status));
            }
        }
        return new IotdaOutcome(new UpdateStatusResponseParas(updated, failed), violations);
    }

    /** Why an add entry breaks the documented rules, or null when it does not. */
    private static String invalidAddEntry(JsonNode item) {
        if (!item.isObject()) {
            return "entry is not an object";
        }
        if (blank(text(item, "node_id")) || blank(text(item, "product_id"))) {
            return "node_id and product_id are mandatory";
        }
        try {
            IotdaJson.convert(item, DeviceInfo.class);
        } catch (IotdaJson.MalformedMessageException e) {
            return e.getMessage();
        }
        JsonNode extension = item.get("extension_info");
        if (extension != null && !extension.isNull()) {
            if (!extension.isObject()) {
                return "extension_info must be an object";
            }
            int size = IotdaJson.sizeInBytes(extension);
            if (size > IotdaLimits.MAX_EXTENSION_INFO_BYTES) {
                return "extension_info is " + size + " bytes; at most " + IotdaLimits.MAX_EXTENSION_INFO_BYTES;
            }
        }
        return null;
    }

    private static String countError(String request, int count, int min, int max) {
        if (count < min || count > max) {
            return request + " with " + count + " devices; the platform takes " + min + " to " + max;
        }
        return null;
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String scalar(JsonNode item) {
        return item.isValueNode() && !item.isNull() ? item.asText() : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
