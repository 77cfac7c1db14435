package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A child device to add, one entry of an add_sub_device_request's {@code paras.devices} (docs/protocol-notes.md B.3).
 *
 * @param nodeId         mandatory: the device's own identifier (IMEI, MAC, serial number)
 * @param productId      mandatory: the product (model) id from the console
 * @param deviceId       optional: the device_id to use; the platform assigns {@code productId + "_" + nodeId} when absent
 * @param extensionInfo  optional free-form object of at most {@link IotdaLimits#MAX_EXTENSION_INFO_BYTES}
 * @param parentDeviceId optional: defaults to the gateway
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceInfo(
        @JsonProperty("node_id") String nodeId,
        @JsonProperty("product_id") String productId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("extension_info") JsonNode extensionInfo,
        @JsonProperty("parent_device_id") String parentDeviceId) {

    public static DeviceInfo of(String nodeId, String productId) {
        return new DeviceInfo(nodeId, productId, null, null, null, null, null);
    }

    /** The device_id the platform gives the device: the requested one, else {@code productId_nodeId}. */
    public String effectiveDeviceId() {
        return deviceId != null && !deviceId.isEmpty() ? deviceId : productId + "_" + nodeId;
    }
}
