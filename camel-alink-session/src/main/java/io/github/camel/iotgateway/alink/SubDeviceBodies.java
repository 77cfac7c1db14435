package io.github.camel.iotgateway.alink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * Reads sub-devices from an exchange body: a {@link SubDevice}, a {@link SubDeviceId}, a Map or a JSON text with
 * productKey and deviceName, or (for batches) a List or JSON array of those. Every device is checked against Alibaba's
 * naming rules here, before anything is published.
 */
final class SubDeviceBodies {

    private final ObjectMapper mapper;

    SubDeviceBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    SubDevice single(Object body) {
        Object value = parseText(body);
        if (value instanceof Collection<?> || value instanceof JsonNode node && node.isArray()) {
            throw new InvalidSubDeviceException(
                    "login and logout take one sub-device; use batchLogin or batchLogout for a list");
        }
        return validate(toSubDevice(value));
    }

    /**
     * The one sub-device of a logout. A {@link SubDeviceId} body is taken as it is, not copied: a logout waiting for
     * its reply holds nothing of its own for it.
     */
    SubDeviceId singleId(Object body) {
        if (body instanceof SubDeviceId id) {
            try {
                return id.validate();
            } catch (IllegalArgumentException e) {
                throw new InvalidSubDeviceException(e.getMessage());
            }
        }
        return single(body).id();
    }

    List<SubDevice> many(Object body) {
        Object value = parseText(body);
        List<SubDevice> devices = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                devices.add(validate(toSubDevice(item)));
            }
        } else if (value instanceof JsonNode node && node.isArray()) {
            node.forEach(item -> devices.add(validate(toSubDevice(item))));
        } else {
            devices.add(validate(toSubDevice(value)));
        }
        if (devices.isEmpty()) {
            throw new InvalidSubDeviceException("the list of sub-devices is empty");
        }
        Set<SubDeviceId> seen = new HashSet<>();
        for (SubDevice d : devices) {
            if (!seen.add(d.id())) {
                throw new InvalidSubDeviceException("sub-device " + d.id() + " appears twice in one batch");
            }
        }
        return devices;
    }

    private Object parseText(Object body) {
        if (body == null) {
            throw new InvalidSubDeviceException("the body is empty: expected a sub-device with productKey and deviceName");
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body instanceof String s ? s : null;
        if (text == null) {
            return body;
        }
        if (text.isBlank()) {
            throw new InvalidSubDeviceException("the body is blank: expected a sub-device with productKey and deviceName");
        }
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new InvalidSubDeviceException("the body is not JSON: expected a sub-device with productKey and deviceName");
        }
    }

    private SubDevice toSubDevice(Object value) {
        if (value instanceof SubDevice device) {
            return device;
        }
        if (value instanceof SubDeviceId id) {
            return SubDevice.of(id.productKey(), id.deviceName());
        }
        if (value instanceof Map<?, ?> || value instanceof JsonNode node && node.isObject()) {
            try {
                return mapper.convertValue(value, SubDevice.class);
            } catch (IllegalArgumentException e) {
                // the message would quote the input, secrets included
                throw new InvalidSubDeviceException("not a sub-device: a field has the wrong type");
            }
        }
        throw new InvalidSubDeviceException("cannot read a sub-device from a "
                                            + (value == null ? "null" : value.getClass().getSimpleName())
                                            + ": expected SubDevice, Map or JSON with productKey and deviceName");
    }

    private static SubDevice validate(SubDevice device) {
        if (device == null) {
            throw new InvalidSubDeviceException("a sub-device in the body is null");
        }
        try {
            device.id().validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidSubDeviceException(e.getMessage());
        }
        return device;
    }
}
