package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of delete_sub_device_notify's {@code devices}: parent_device_id and device_id mandatory, node_id optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedDevice(
        @JsonProperty("parent_device_id") String parentDeviceId,
        @JsonProperty("node_id") String nodeId,
        @JsonProperty("device_id") String deviceId) {
}
