package io.github.camel.iotgateway.huawei;

import java.util.Map;

import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;

/**
 * A response of the platform, read once for every device of its request: the body of a {@link RequestOutcome} once
 * the gateway client has read it.
 *
 * @param eventType the response's event_type
 * @param devices   per device key, what the response says about it; a device it names in neither list is absent
 * @param <S>       the type of a successful_devices entry of the operation
 */
record IotdaResponse<S>(String eventType, Map<String, DeviceOutcome<S>> devices) {

    /** Reads the raw reply of {@code outcome} for the request's entries; an outcome without a reply stays as it is. */
    static <E, S> RequestOutcome read(SubDeviceOperation<E, S> operation, java.util.List<E> entries,
                                      RequestOutcome outcome) {
        if (!outcome.answered() || !(outcome.body() instanceof ServiceEvent response)) {
            return outcome;
        }
        Map<String, DeviceOutcome<S>> devices;
        try {
            devices = Map.copyOf(operation.outcomes(response.paras(), entries, outcome.key()));
        } catch (IllegalArgumentException unreadable) {
            // the paras do not have the documented shape: every device of the request is then not reported
            devices = Map.of();
        }
        InboundMessage reply = outcome.reply();
        return RequestOutcome.replied(new InboundMessage(reply.topic(), reply.correlationKey(),
                new IotdaResponse<>(response.eventType(), devices)), outcome.deadlineNanos());
    }

    /** The response read by {@link #read}, or {@code null} when no response came. */
    @SuppressWarnings("unchecked")
    static <S> IotdaResponse<S> of(RequestOutcome outcome) {
        return (IotdaResponse<S>) outcome.body();
    }

    /**
     * What the response says about one device of the request; a device the response names in neither list fails as
     * not reported.
     */
    DeviceOutcome<S> of(String key, FailedSubDevice notReported) {
        DeviceOutcome<S> outcome = devices.get(key);
        return outcome != null ? outcome : DeviceOutcome.failed(notReported);
    }
}
