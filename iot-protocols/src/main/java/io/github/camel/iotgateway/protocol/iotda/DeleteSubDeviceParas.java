package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code paras} of a delete_sub_device_request: the device_ids, at most {@link IotdaLimits#MAX_DELETE_DEVICES}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteSubDeviceParas(@JsonProperty("devices") List<String> devices) {
}
