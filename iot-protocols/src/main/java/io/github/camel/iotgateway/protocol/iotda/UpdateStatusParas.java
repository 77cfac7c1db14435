package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code paras} of a sub_device_update_status: 1 to {@link IotdaLimits#MAX_STATUS_DEVICES} statuses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateStatusParas(@JsonProperty("device_statuses") List<DeviceStatus> deviceStatuses) {
}
