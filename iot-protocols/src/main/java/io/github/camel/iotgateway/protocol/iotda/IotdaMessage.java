package io.github.camel.iotgateway.protocol.iotda;

import java.util.List;

/**
 * A message on an events topic: {@code {"object_device_id":..., "services":[...]}}.
 *
 * @param objectDeviceId null when absent (requests of {@code $sub_device_manager} need not set it)
 */
public record IotdaMessage(String objectDeviceId, List<ServiceEvent> services) {

    public IotdaMessage {
        services = List.copyOf(services);
    }
}
