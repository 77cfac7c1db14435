package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code paras} of a delete_sub_device_response: the device_ids deleted and the ones that failed, with reasons. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteSubDeviceResponseParas(
        @JsonProperty("successful_devices") List<String> successfulDevices,
        @JsonProperty("failed_devices") List<DeviceFailure> failedDevices) {

    /** Absent lists read as empty: both are mandatory, but a missing one must not break a reader. */
    public DeleteSubDeviceResponseParas {
        successfulDevices = successfulDevices == null ? List.of() : List.copyOf(successfulDevices);
        failedDevices = failedDevices == null ? List.of() : List.copyOf(failedDevices);
    }
}
