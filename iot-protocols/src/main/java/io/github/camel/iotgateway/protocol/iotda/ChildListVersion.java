package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code paras.version} of the platform's child-device notices (add / delete notify, sync responses): the version
 * of the gateway's child list after the change (docs/protocol-notes.md B.6, B.7). The platform sends it as a number
 * or as text; both read the same here, so the notices, the resync and the events consumer agree on it.
 */
public final class ChildListVersion {

    private ChildListVersion() {
    }

    /** The version in {@code paras}, or {@code null} when it has none (or not a whole number). */
    public static Long of(JsonNode paras) {
        JsonNode version = paras == null ? null : paras.get("version");
        if (version == null) {
            return null;
        }
        if (version.isIntegralNumber() && version.canConvertToLong()) {
            return version.longValue();
        }
        if (version.isTextual() && version.textValue().matches("-?\\d{1,18}")) {
            return Long.parseLong(version.textValue());
        }
        return null;
    }
}
