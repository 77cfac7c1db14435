package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;

/** No reply came within requestTimeout. A reply that arrives later is dropped. */
public class AlinkSessionTimeoutException extends ExchangeTimedOutException {

    private final String requestId;
    private final List<SubDeviceId> subDevices;

    public AlinkSessionTimeoutException(Exchange exchange, long timeoutMillis, String requestId, List<SubDeviceId> subDevices) {
        super(exchange, timeoutMillis, "no Alink reply to request " + requestId + " for " + subDevices);
        this.requestId = requestId;
        this.subDevices = List.copyOf(subDevices);
    }

    public String getRequestId() {
        return requestId;
    }

    public List<SubDeviceId> getSubDevices() {
        return subDevices;
    }
}
