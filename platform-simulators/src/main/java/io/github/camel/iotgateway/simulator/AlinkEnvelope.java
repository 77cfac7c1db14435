package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The outer shape of a session request as the platform checks it before looking at params: a JSON object, an id it
 * can answer to, and params.
 *
 * @param id          the id to answer with, as text; null when none can be read (the request cannot be answered)
 * @param idViolation why the id, though readable, breaks the rule "decimal string in 0..4294967295"; else null
 * @param params      null when absent or JSON null
 * @param error       why the request cannot be answered (id null) or has no params; else null
 */
record AlinkEnvelope(String id, String idViolation, JsonNode params, String error) {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,10}");

    static AlinkEnvelope parse(byte[] payload) {
        JsonNode root;
        try {
            root = AlinkJson.mapper().readTree(payload);
        } catch (IOException e) {
            return new AlinkEnvelope(null, null, null, "payload is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new AlinkEnvelope(null, null, null, "payload is not a JSON object");
        }
        // the shared model reads ids leniently (text or bare number), which is what an answerable id is
        String id = AlinkJson.peekId(payload);
        if (id == null) {
            return new AlinkEnvelope(null, null, null, "request has no id (text or number)");
        }
        JsonNode params = root.get("params");
        if (params != null && params.isNull()) {
            params = null;
        }
        return new AlinkEnvelope(id, idViolation(root.get("id")), params, params == null ? "request has no params" : null);
    }

    private static String idViolation(JsonNode idNode) {
        if (!idNode.isTextual()) {
            return "id must be a decimal string but was the JSON " + idNode.getNodeType().name().toLowerCase()
                   + " " + idNode;
        }
        String text = idNode.textValue();
        if (!DECIMAL.matcher(text).matches() || Long.parseLong(text) > AlinkLimits.MAX_MESSAGE_ID) {
            return "id must be a decimal string in 0..4294967295 but was \"" + abbreviate(text) + "\"";
        }
        return null;
    }

    /** The request's {@code method} field, or null when it has none (or the payload is not a JSON object). */
    static String method(byte[] payload) {
        try {
            JsonNode method = AlinkJson.mapper().readTree(payload).path("method");
            return method.isTextual() ? method.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Ids go into log lines: a hostile one must not flood them. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
