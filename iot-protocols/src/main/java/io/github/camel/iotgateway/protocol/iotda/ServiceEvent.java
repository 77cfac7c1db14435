package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One entry of a message's {@code services} as read off the wire. Fields the sender left out are null; {@code paras}
 * is never null (a missing node when absent), so {@code paras.path("devices")} is always safe.
 *
 * @param eventType the wire name, kept as text: the platform may send types this model does not know
 */
public record ServiceEvent(String serviceId, String eventType, String eventTime, String eventId, JsonNode paras) {

    /** The known event type, empty for an unknown or missing one. */
    public Optional<EventType> type() {
        return EventType.fromWireName(eventType);
    }

    public boolean isSubDeviceManager() {
        return EventType.SUB_DEVICE_MANAGER.equals(serviceId);
    }
}
