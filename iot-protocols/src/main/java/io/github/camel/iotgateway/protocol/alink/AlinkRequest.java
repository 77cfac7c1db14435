package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.databind.JsonNode;

/** An Alink request as read off the wire: its id and the raw params (object or array). */
public record AlinkRequest(String id, JsonNode params) {
}
