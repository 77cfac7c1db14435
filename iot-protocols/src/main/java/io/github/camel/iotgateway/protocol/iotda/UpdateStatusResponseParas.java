package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code paras} of a sub_device_update_status_response. Unlike the delete response, {@code successful_devices} holds
 * objects (device_id, optional status): the Huawei C SDK reads it with the delete parser, a known bug not to copy.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateStatusResponseParas(
        @JsonProperty("successful_devices") List<DeviceStatus> successfulDevices,
        @JsonProperty("failed_devices") List<DeviceFailure> failedDevices) {

    /** Absent lists read as empty: both are mandatory, but a missing one must not break a reader. */
    public UpdateStatusResponseParas {
        successfulDevices = successfulDevices == null ? List.of() : List.copyOf(successfulDevices);
        failedDevices = failedDevices == null ? List.of() : List.copyOf(failedDevices);
    }
}
