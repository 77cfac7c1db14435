package io.github.camel.iotgateway.huawei;

import java.util.List;

/**
 * The body a List exchange ends with: per device, what the platform did, in the order of the input.
 *
 * @param successful the platform's successful_devices entries of the devices it did add, delete or update: device_ids
 *                   (String) for deleteSubDevice, the added devices' info with their device_id for addSubDevice, the
 *                   device statuses for updateSubDeviceStatus
 * @param failed     the devices it did not, with its error_code and error_msg
 * @param eventIds   the event_ids of the requests the List went out in (one per ≤ 50 or ≤ 100 devices)
 * @param <T>        the type of a successful entry
 */
public record SubDeviceOperationResult<T>(List<T> successful, List<FailedSubDevice> failed, List<String> eventIds) {

    public SubDeviceOperationResult {
        successful = List.copyOf(successful);
        failed = List.copyOf(failed);
        eventIds = List.copyOf(eventIds);
    }

    public boolean allSucceeded() {
        return failed.isEmpty();
    }
}
