package io.github.camel.iotgateway.huawei;

/**
 * A device of a request that the platform did not add, delete or update, as listed in a {@link SubDeviceOperationResult}.
 * Delete and status requests name devices by {@code deviceId}; add requests by {@code nodeId} and {@code productId}, as
 * the device has no device_id yet.
 *
 * @param errorCode         the platform's error_code; {@code null} when the platform did not report the device at all
 * @param errorMsg          the platform's error_msg, or why the component failed the device
 * @param eventId           the event_id of the request that carried the device
 * @param reportedByPlatform {@code false} when the device was in neither successful_devices nor failed_devices of the
 *                          response
 */
public record FailedSubDevice(String deviceId, String nodeId, String productId, String errorCode, String errorMsg,
        String eventId, boolean reportedByPlatform) {

    static final String NOT_REPORTED = "the platform did not report this device in its response";

    /** The device as a reader knows it: its device_id, or node_id/product_id for an add. */
    public String label() {
        return deviceId != null ? deviceId : nodeId + "/" + productId;
    }
}
