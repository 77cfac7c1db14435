package io.github.camel.iotgateway.huawei.error;

import io.github.camel.iotgateway.mqtt.GatewayException;

/**
 * The platform (or the component on its behalf) said no to a child-device operation. Carries the event_id of the
 * request; subtypes tell the ways apart so routes can catch them by type.
 */
public class HuaweiIotException extends GatewayException {

    private final String eventId;

    public HuaweiIotException(String message, String eventId) {
        super(message);
        this.eventId = eventId;
    }

    /** The event_id of the request concerned. */
    public String getEventId() {
        return eventId;
    }
}
