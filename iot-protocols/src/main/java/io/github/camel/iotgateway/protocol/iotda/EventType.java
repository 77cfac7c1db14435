package io.github.camel.iotgateway.protocol.iotda;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * The {@code event_type}s of the {@code $sub_device_manager} service (docs/protocol-notes.md B.3–B.6): three requests the
 * gateway sends with the responses the platform answers them with, two notices the platform sends on its own, and the
 * gateway's sync request, which the platform answers with notices.
 */
public enum EventType {

    ADD_SUB_DEVICE_REQUEST("add_sub_device_request", Direction.UP),
    ADD_SUB_DEVICE_RESPONSE("add_sub_device_response", Direction.DOWN),
    DELETE_SUB_DEVICE_REQUEST("delete_sub_device_request", Direction.UP),
    DELETE_SUB_DEVICE_RESPONSE("delete_sub_device_response", Direction.DOWN),
    SUB_DEVICE_UPDATE_STATUS("sub_device_update_status", Direction.UP),
    SUB_DEVICE_UPDATE_STATUS_RESPONSE("sub_device_update_status_response", Direction.DOWN),
    ADD_SUB_DEVICE_NOTIFY("add_sub_device_notify", Direction.DOWN),
    DELETE_SUB_DEVICE_NOTIFY("delete_sub_device_notify", Direction.DOWN),
    SUB_DEVICE_SYNC_REQUEST("sub_device_sync_request", Direction.UP);

    /** The {@code service_id} of every gateway/child-device event. */
    public static final String SUB_DEVICE_MANAGER = "$sub_device_manager";

    /** Which topic an event travels on. */
    public enum Direction { UP, DOWN }

    private final String wireName;
    private final Direction direction;

    EventType(String wireName, Direction direction) {
        this.wireName = wireName;
        this.direction = direction;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Direction direction() {
        return direction;
    }

    /**
     * The response the platform answers this request with, correlated by the same {@code event_id}; empty for events
     * that get no response (notices, and the sync request, which is answered with notices).
     */
    public Optional<EventType> response() {
        return switch (this) {
            case ADD_SUB_DEVICE_REQUEST -> Optional.of(ADD_SUB_DEVICE_RESPONSE);
            case DELETE_SUB_DEVICE_REQUEST -> Optional.of(DELETE_SUB_DEVICE_RESPONSE);
            case SUB_DEVICE_UPDATE_STATUS -> Optional.of(SUB_DEVICE_UPDATE_STATUS_RESPONSE);
            default -> Optional.empty();
        };
    }

    /** The event type with this wire name, empty for one this model does not know (the platform may add more). */
    public static Optional<EventType> fromWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
