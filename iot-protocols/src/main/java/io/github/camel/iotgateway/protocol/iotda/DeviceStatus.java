package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A child's status: an entry of sub_device_update_status's {@code paras.device_statuses} ({@code status} ONLINE or
 * OFFLINE) and of its response's {@code successful_devices} (where {@code status} is optional).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceStatus(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("status") String status) {

    public static final String ONLINE = "ONLINE";
    public static final String OFFLINE = "OFFLINE";

    public static DeviceStatus online(String deviceId) {
        return new DeviceStatus(deviceId, ONLINE);
    }

    public static DeviceStatus offline(String deviceId) {
        return new DeviceStatus(deviceId, OFFLINE);
    }
}
