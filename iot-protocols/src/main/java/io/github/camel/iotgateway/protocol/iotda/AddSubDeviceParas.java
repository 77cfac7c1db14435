package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code paras} of an add_sub_device_request: at most {@link IotdaLimits#MAX_ADD_DEVICES} devices. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AddSubDeviceParas(@JsonProperty("devices") List<DeviceInfo> devices) {
}
