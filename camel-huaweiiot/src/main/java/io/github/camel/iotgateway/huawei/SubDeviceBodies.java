package io.github.camel.iotgateway.huawei;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;

/**
 * Reads the device(s) of an exchange body for an operation: one item (a single-device exchange) or a List, array or
 * JSON array of items (a List exchange). Every item is checked here, so bad input fails before anything is published.
 */
final class SubDeviceBodies {

    /**
     * @param single  the entry of a body that was one item rather than a list (a list of one is still a list);
     *                {@code null} for a list
     * @param entries the entries of a list; {@code null} for one item
     */
    record Read<E>(E single, List<E> entries) {
    }

    private SubDeviceBodies() {
    }

    /** @throws InvalidSubDeviceException when the body holds no valid entries, or one device twice */
    static <E> Read<E> read(Object body, SubDeviceOperation<E, ?> operation) {
        Object value = parseText(body, operation);
        List<?> items = asList(value);
        if (items == null) {
            return new Read<>(operation.entry(value), null);
        }
        if (items.isEmpty()) {
            throw new InvalidSubDeviceException(operation.operation() + " got an empty list of devices");
        }
        List<E> entries = new ArrayList<>(items.size());
        Set<String> seen = new HashSet<>();
        for (Object item : items) {
            E entry = operation.entry(item);
            if (!seen.add(operation.key(entry))) {
                // the platform's per-device answer could not say which of the two it is about
                throw new InvalidSubDeviceException("device " + operation.label(entry) + " appears twice in one list");
            }
            entries.add(entry);
        }
        return new Read<>(null, List.copyOf(entries));
    }

    /**
     * One item as the model type: the type itself, or a Map or JSON object with the wire field names.
     *
     * @param operation names what the caller should have sent, for the error message
     */
    static <T> T convert(Object item, Class<T> type, SubDeviceOperation<?, ?> operation) {
        if (type.isInstance(item)) {
            return type.cast(item);
        }
        if (item instanceof Map<?, ?> || item instanceof JsonNode node && node.isObject()) {
            try {
                return IotdaJson.mapper().convertValue(item, type);
            } catch (IllegalArgumentException e) {
                // Jackson's message would quote the input
                throw new InvalidSubDeviceException(operation.operation() + " got a device with a field of the wrong"
                                                    + " type; it takes " + operation.acceptedBodies());
            }
        }
        throw new InvalidSubDeviceException(operation.operation() + " got " + kindOf(item) + "; it takes "
                                            + operation.acceptedBodies());
    }

    /** What a body item is, in words a route author knows (never a JDK-internal class name such as Map1). */
    static String kindOf(Object item) {
        if (item == null) {
            return "null";
        }
        if (item instanceof Map<?, ?>) {
            return "a Map";
        }
        if (item instanceof Collection<?> || item instanceof Object[]) {
            return "a list inside the list";
        }
        if (item instanceof JsonNode node) {
            return "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (item instanceof Number) {
            return "a number";
        }
        if (item instanceof CharSequence) {
            return "a text";
        }
        return "a " + item.getClass().getSimpleName();
    }

    private static Object parseText(Object body, SubDeviceOperation<?, ?> operation) {
        if (body == null) {
            throw new InvalidSubDeviceException(operation.operation() + " got an empty body");
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body instanceof String s ? s : null;
        if (text == null) {
            return body;
        }
        if (text.isBlank()) {
            throw new InvalidSubDeviceException(operation.operation() + " got a blank body");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            try {
                return IotdaJson.mapper().readTree(trimmed);
            } catch (Exception e) {
                throw new InvalidSubDeviceException(operation.operation() + " got a body that is not valid JSON");
            }
        }
        if (operation.takesPlainText()) {
            return text;
        }
        throw new InvalidSubDeviceException(operation.operation() + " got a text body that is not a JSON object or array;"
                                            + " it takes " + operation.acceptedBodies());
    }

    /** The items of a list-like body; {@code null} for a single item. */
    private static List<?> asList(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof JsonNode node && node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        return null;
    }
}
