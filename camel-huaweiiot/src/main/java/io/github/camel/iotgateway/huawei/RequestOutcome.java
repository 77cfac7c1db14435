package io.github.camel.iotgateway.huawei;

import java.util.Map;

/**
 * How one request ended: the platform's response (read per device), a failure to get one (not connected, connection
 * lost), or no response within the timeout. Exactly one of these holds.
 *
 * @param eventId      the request's event_id; {@code null} when it was never published
 * @param responseType the event_type of the response
 * @param devices      per device key, what the response says about it
 * @param <S>          the type of a successful_devices entry of the operation
 */
record RequestOutcome<S>(String eventId, String responseType, Map<String, DeviceOutcome<S>> devices, Exception failure,
        long timedOutAfterMillis) {

    static <S> RequestOutcome<S> answered(String eventId, String responseType, Map<String, DeviceOutcome<S>> devices) {
        return new RequestOutcome<>(eventId, responseType, Map.copyOf(devices), null, 0);
    }

    static <S> RequestOutcome<S> failed(String eventId, Exception failure) {
        return new RequestOutcome<>(eventId, null, Map.of(), failure, 0);
    }

    static <S> RequestOutcome<S> timedOut(String eventId, long millis) {
        return new RequestOutcome<>(eventId, null, Map.of(), null, millis);
    }

    boolean answered() {
        return failure == null && timedOutAfterMillis == 0;
    }

    boolean isTimeout() {
        return timedOutAfterMillis > 0;
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
