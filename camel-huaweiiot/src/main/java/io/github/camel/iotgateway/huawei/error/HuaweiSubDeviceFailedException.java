package io.github.camel.iotgateway.huawei.error;

/**
 * The platform listed this exchange's device in the failed_devices of its response, with an error_code and error_msg.
 * Delete and status requests name the device by device_id; add requests by node_id and product_id.
 */
public class HuaweiSubDeviceFailedException extends HuaweiIotException {

    private final String deviceId;
    private final String nodeId;
    private final String productId;
    private final String errorCode;
    private final String errorMsg;

    public HuaweiSubDeviceFailedException(String deviceId, String nodeId, String productId, String errorCode,
            String errorMsg, String eventId) {
        super(describe(deviceId, nodeId, productId, errorCode, errorMsg, eventId), eventId);
        this.deviceId = deviceId;
        this.nodeId = nodeId;
        this.productId = productId;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
    }

    protected static String describe(String deviceId, String nodeId, String productId, String errorCode, String errorMsg,
            String eventId) {
        String who = deviceId != null ? "device " + deviceId : "node " + nodeId + " of product " + productId;
        return "IoTDA refused " + who + ": error_code " + errorCode + " (" + errorMsg + "), event_id " + eventId;
    }

    /** The device_id; {@code null} for a failed add (the device has none yet). */
    public String getDeviceId() {
        return deviceId;
    }

    /** The node_id of a failed add. */
    public String getNodeId() {
        return nodeId;
    }

    /** The product_id of a failed add. */
    public String getProductId() {
        return productId;
    }

    /** The platform's error_code, e.g. IOTDA.014000 (the codes are not enumerated by Huawei). */
    public String getErrorCode() {
        return errorCode;
    }

    /** The platform's error_msg. */
    public String getErrorMsg() {
        return errorMsg;
    }
}
