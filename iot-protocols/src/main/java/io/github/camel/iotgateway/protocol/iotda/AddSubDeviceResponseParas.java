package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code paras} of an add_sub_device_response: per-device results, so partial success is possible. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddSubDeviceResponseParas(
        @JsonProperty("successful_devices") List<AddedDevice> successfulDevices,
        @JsonProperty("failed_devices") List<AddSubDeviceFailure> failedDevices) {

    /** Absent lists read as empty: both are mandatory, but a missing one must not break a reader. */
    public AddSubDeviceResponseParas {
        successfulDevices = successfulDevices == null ? List.of() : List.copyOf(successfulDevices);
        failedDevices = failedDevices == null ? List.of() : List.copyOf(failedDevices);
    }
}
