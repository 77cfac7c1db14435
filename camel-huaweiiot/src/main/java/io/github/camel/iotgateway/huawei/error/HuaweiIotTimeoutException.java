package io.github.camel.iotgateway.huawei.error;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;

/**
 * No response to the request within requestTimeout. The platform may or may not have acted on it; a response that
 * arrives later is dropped.
 */
public class HuaweiIotTimeoutException extends ExchangeTimedOutException {

    private final String eventId;
    private final List<String> devices;

    public HuaweiIotTimeoutException(Exchange exchange, long timeoutMillis, String eventId, List<String> devices) {
        super(exchange, timeoutMillis, "no IoTDA response to event_id " + eventId + " for " + summary(devices));
        this.eventId = eventId;
        this.devices = List.copyOf(devices);
    }

    private static String summary(List<String> devices) {
        return devices.size() <= 5 ? devices.toString() : devices.subList(0, 5) + " and " + (devices.size() - 5) + " more";
    }

    /** The event_id of the unanswered request. */
    public String getEventId() {
        return eventId;
    }

    /** The devices of the unanswered request: device_ids, or node_id/product_id for an add. */
    public List<String> getDevices() {
        return devices;
    }
}
