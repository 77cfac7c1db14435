package io.github.camel.iotgateway.huawei;

/**
 * What the platform's response says about one device: its successful_devices entry, or why it failed (its
 * failed_devices entry, or that the response did not name it). Exactly one of the two is set.
 *
 * @param <S> the type of a successful_devices entry of the operation
 */
record DeviceOutcome<S>(S success, FailedSubDevice failure) {

    static <S> DeviceOutcome<S> succeeded(S entry) {
        return new DeviceOutcome<>(entry, null);
    }

    static <S> DeviceOutcome<S> failed(FailedSubDevice failure) {
        return new DeviceOutcome<>(null, failure);
    }

    boolean succeeded() {
        return failure == null;
    }
}
