package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of add_sub_device_response's {@code failed_devices}: named by node_id and product_id, as a device that was
 * not added has no device_id. The docs do not enumerate error codes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddSubDeviceFailure(
        @JsonProperty("node_id") String nodeId,
        @JsonProperty("product_id") String productId,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_msg") String errorMsg) {
}
