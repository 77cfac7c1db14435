package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of IoTDA event messages (docs/protocol-notes.md B.1), written exactly as documented and read leniently: a reader
 * must survive fields it does not know, a missing list, or an entry of the wrong shape.
 *
 * <pre>
 * {"object_device_id":"...",            (down only)
 *  "services":[{"service_id":"$sub_device_manager","event_type":"...","event_time":"20240518T093012Z",
 *               "event_id":"...","paras":{...}}]}
 * </pre>
 */
public final class IotdaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IotdaJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A gateway's request or report on events/up. object_device_id is left out: for {@code $sub_device_manager}
     * events it is "not in use currently".
     *
     * @param eventTime null to leave it out (the platform then takes its receive time)
     */
    public static byte[] request(EventType type, String eventId, String eventTime, Object paras) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("services").add(serviceEvent(type, eventId, eventTime, paras));
        return write(root);
    }

    /** A platform event on events/down (a response or a notice); object_device_id is the gateway's device_id. */
    public static byte[] downEvent(String objectDeviceId, EventType type, String eventId, String eventTime,
            Object paras) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("object_device_id", objectDeviceId);
        root.putArray("services").add(serviceEvent(type, eventId, eventTime, paras));
        return write(root);
    }

    /** @throws MalformedMessageException when the bytes are not a JSON object */
    public static IotdaMessage readMessage(byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedMessageException("not a JSON object");
        }
        List<ServiceEvent> services = new ArrayList<>();
        JsonNode list = root.get("services");
        if (list == null || !list.isArray()) {
            throw new MalformedMessageException("services is missing or not an array");
        }
        for (JsonNode item : list) {
            if (!item.isObject()) {
                // an odd entry among good ones is skipped; a message left with none carries nothing
                continue;
            }
            JsonNode paras = item.get("paras");
            services.add(new ServiceEvent(text(item, "service_id"), text(item, "event_type"),
                    text(item, "event_time"), text(item, "event_id"),
                    paras == null ? MissingNode.getInstance() : paras));
        }
        return new IotdaMessage(text(root, "object_device_id"), services);
    }

    /** @throws MalformedMessageException when the node does not fit the type */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The size the platform's extension_info limit is checked against here: UTF-8 bytes of the compact JSON. */
    public static int sizeInBytes(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? 0 : write(node).length;
    }

    private static ObjectNode serviceEvent(EventType type, String eventId, String eventTime, Object paras) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("service_id", EventType.SUB_DEVICE_MANAGER);
        event.put("event_type", type.wireName());
        if (eventTime != null) {
            event.put("event_time", eventTime);
        }
        if (eventId != null) {
            event.put("event_id", eventId);
        }
        event.set("paras", paras == null ? JsonNodeFactory.instance.objectNode() : MAPPER.valueToTree(paras));
        return event;
    }

    /** A scalar as text (ids sometimes arrive as numbers); null for absent, null or structured values. */
    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serializes", e);
        }
    }

    /** A message whose bytes are not what the protocol says. */
    public static final class MalformedMessageException extends IllegalArgumentException {
        public MalformedMessageException(String message) {
            super(message);
        }
    }
}
