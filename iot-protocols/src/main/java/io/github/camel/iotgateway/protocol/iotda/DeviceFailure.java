package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A device the platform did not delete or update: an entry of {@code failed_devices} in delete_sub_device_response
 * and sub_device_update_status_response. The docs do not enumerate error codes (docs/protocol-notes.md B.7).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceFailure(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_msg") String errorMsg) {
}
