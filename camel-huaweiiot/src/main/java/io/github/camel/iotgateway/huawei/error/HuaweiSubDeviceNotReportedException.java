package io.github.camel.iotgateway.huawei.error;

/**
 * The platform answered the request, but named this exchange's device in neither successful_devices nor
 * failed_devices: what happened to it is unknown.
 */
public class HuaweiSubDeviceNotReportedException extends HuaweiIotException {

    private final String device;

    public HuaweiSubDeviceNotReportedException(String device, String eventId) {
        super("IoTDA answered event_id " + eventId + " without reporting device " + device
              + " (platform did not report this device); its outcome is unknown", eventId);
        this.device = device;
    }

    /** The device_id, or node_id/product_id for an add. */
    public String getDevice() {
        return device;
    }
}
