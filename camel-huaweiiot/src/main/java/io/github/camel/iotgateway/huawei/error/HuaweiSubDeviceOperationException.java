package io.github.camel.iotgateway.huawei.error;

import java.util.List;

import io.github.camel.iotgateway.huawei.FailedSubDevice;
import io.github.camel.iotgateway.huawei.SubDeviceOperationResult;

/**
 * With failOnAnyDeviceFailure: a List exchange in which the platform did not take every device. The full result, the
 * successful devices included, is still here.
 */
public class HuaweiSubDeviceOperationException extends HuaweiIotException {

    private final transient SubDeviceOperationResult<?> result;

    public HuaweiSubDeviceOperationException(SubDeviceOperationResult<?> result) {
        super(describe(result), String.join(",", result.eventIds()));
        this.result = result;
    }

    private static String describe(SubDeviceOperationResult<?> result) {
        List<FailedSubDevice> failed = result.failed();
        List<String> who = failed.stream().limit(5).map(f -> f.label() + " (" + f.errorCode() + ")").toList();
        return "IoTDA did not take " + failed.size() + " of " + (failed.size() + result.successful().size())
               + " devices: " + String.join(", ", who) + (failed.size() > 5 ? " and " + (failed.size() - 5) + " more" : "");
    }

    public SubDeviceOperationResult<?> getResult() {
        return result;
    }
}
