package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A child device as the platform describes it: an entry of add_sub_device_response's {@code successful_devices} and
 * of add_sub_device_notify's {@code devices} (docs/protocol-notes.md B.3, B.6). parent_device_id, node_id and device_id are
 * mandatory; {@code status} is ONLINE, OFFLINE or INACTIVE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddedDevice(
        @JsonProperty("parent_device_id") String parentDeviceId,
        @JsonProperty("node_id") String nodeId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("manufacturer_id") String manufacturerId,
        @JsonProperty("model") String model,
        @JsonProperty("product_id") String productId,
        @JsonProperty("fw_version") String fwVersion,
        @JsonProperty("sw_version") String swVersion,
        @JsonProperty("status") String status,
        @JsonProperty("extension_info") JsonNode extensionInfo) {

    public static final String STATUS_INACTIVE = "INACTIVE";

    /** A device the platform has just created for a gateway from a request entry: INACTIVE until it reports. */
    public static AddedDevice created(String parentDeviceId, DeviceInfo requested) {
        return new AddedDevice(parentDeviceId, requested.nodeId(), requested.effectiveDeviceId(), requested.name(),
                requested.description(), null, null, requested.productId(), null, null, STATUS_INACTIVE,
                requested.extensionInfo());
    }
}
