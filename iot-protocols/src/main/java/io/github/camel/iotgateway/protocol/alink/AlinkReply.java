package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An Alink reply: {@code {"id","code","message","data"}}. {@code data} is an object for single operations, an array for
 * batches, and may be absent on failure.
 */
public record AlinkReply(String id, int code, String message, JsonNode data) {

    public boolean isSuccess() {
        return code == AlinkCodes.SUCCESS;
    }
}
