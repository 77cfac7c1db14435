package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shape of session messages, read leniently the way the platform writes them (ids and codes as numbers or
 * text) and written exactly as documented: {@code {"id":"<decimal>","params":...}}.
 */
public final class AlinkJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlinkJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] request(String id, Object params) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.set("params", MAPPER.valueToTree(params));
        return write(root);
    }

    /**
     * A request on a {@code /sys} topic, which names its {@code method} and protocol {@code version}
     * (docs/protocol-notes.md A.1, A.4): {@code {"id","version":"1.0","params":...,"method":"thing.topo.add"}}.
     */
    public static byte[] request(String id, String method, Object params) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("version", "1.0");
        root.set("params", MAPPER.valueToTree(params));
        root.put("method", method);
        return write(root);
    }

    public static byte[] reply(String id, int code, String message, Object data) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("code", code);
        root.put("message", message);
        if (data != null) {
            root.set("data", MAPPER.valueToTree(data));
        }
        return write(root);
    }

    /** @throws MalformedMessageException when the bytes are not a reply with an id and a numeric code */
    public static AlinkReply readReply(byte[] payload) {
        JsonNode root = readTree(payload);
        String id = idOf(root);
        JsonNode codeNode = root.get("code");
        int code;
        if (codeNode != null && codeNode.isIntegralNumber()) {
            code = codeNode.intValue();
        } else if (codeNode != null && codeNode.isTextual() && codeNode.textValue().trim().matches("-?\\d{1,9}")) {
            // older batch samples send "200" as text
            code = Integer.parseInt(codeNode.textValue().trim());
        } else {
            throw new MalformedMessageException("reply " + id + " has no numeric code");
        }
        JsonNode message = root.get("message");
        return new AlinkReply(id, code, message != null && message.isTextual() ? message.textValue() : null,
                root.get("data"));
    }

    /** @throws MalformedMessageException when the bytes are not a request with an id and params */
    public static AlinkRequest readRequest(byte[] payload) {
        JsonNode root = readTree(payload);
        JsonNode params = root.get("params");
        if (params == null || params.isNull()) {
            throw new MalformedMessageException("request has no params");
        }
        return new AlinkRequest(idOf(root), params);
    }

    /** Reads the id only, for a correlation lookup that should not fail on an odd body. Null when there is none. */
    public static String peekId(byte[] payload) {
        try {
            return idOf(readTree(payload));
        } catch (MalformedMessageException e) {
            return null;
        }
    }

    /** The sub-devices named in reply data: one object or an array of them. Entries that are not devices are skipped. */
    public static List<SubDeviceId> subDevicesIn(JsonNode data) {
        List<SubDeviceId> ids = new ArrayList<>();
        if (data == null) {
            return ids;
        }
        Iterable<JsonNode> items = data.isArray() ? data : List.of(data);
        for (JsonNode item : items) {
            JsonNode pk = item.get("productKey");
            JsonNode dn = item.get("deviceName");
            if (pk != null && pk.isTextual() && dn != null && dn.isTextual()) {
                ids.add(new SubDeviceId(pk.textValue(), dn.textValue()));
            }
        }
        return ids;
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String idOf(JsonNode root) {
        JsonNode id = root.get("id");
        if (id != null && id.isTextual()) {
            return id.textValue();
        }
        if (id != null && id.isIntegralNumber()) {
            // some doc samples carry the id as a bare number
            return id.asText();
        }
        throw new MalformedMessageException("message has no id");
    }

    /** @throws MalformedMessageException when the bytes are not a JSON object */
    static JsonNode readTree(byte[] payload) {
        try {
            JsonNode root = MAPPER.readTree(payload);
            if (root == null || !root.isObject()) {
                throw new MalformedMessageException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON: " + e.getMessage());
        }
    }

    static byte[] bytes(JsonNode node) {
        return write(node);
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
