package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code paras} of the platform's delete_sub_device_notify: the children deleted and the child list's
 * {@code version}, which the gateway persists and sends back in its next sub_device_sync_request.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteSubDeviceNoticeParas(
        @JsonProperty("devices") List<DeletedDevice> devices,
        @JsonProperty("version") Long version) {
}
