package io.github.camel.iotgateway.huawei;

import java.util.List;

import io.github.camel.iotgateway.huawei.error.HuaweiIotTimeoutException;
import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceNotReportedException;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes an outcome into an exchange: result body and headers, or the typed exception. */
final class ExchangeResults {

    private ExchangeResults() {
    }

    /** A single-device exchange ends with what the platform said about its device. */
    static void single(Exchange exchange, RequestOutcome outcome, DeviceOutcome<?> device, String label) {
        Message out = exchange.getMessage();
        out.setHeader(HuaweiIotConstants.EVENT_ID, outcome.key());
        out.setHeader(HuaweiIotConstants.EVENT_TYPE, IotdaResponse.of(outcome).eventType());
        if (device.succeeded()) {
            out.setBody(device.success());
            return;
        }
        FailedSubDevice failed = device.failure();
        if (!failed.reportedByPlatform()) {
            exchange.setException(new HuaweiSubDeviceNotReportedException(label, outcome.key()));
            return;
        }
        out.setHeader(HuaweiIotConstants.ERROR_CODE, failed.errorCode());
        out.setHeader(HuaweiIotConstants.ERROR_MESSAGE, failed.errorMsg());
        exchange.setException(new HuaweiSubDeviceFailedException(failed.deviceId(), failed.nodeId(), failed.productId(),
                failed.errorCode(), failed.errorMsg(), outcome.key()));
    }

    /**
     * The exchange fails because its request got no answer: a typed timeout, or the failure that kept the answer from
     * coming (not connected, connection lost).
     *
     * @param devices the exchange's devices in that request
     */
    static void unanswered(Exchange exchange, RequestOutcome outcome, List<String> devices) {
        exchange.getMessage().setHeader(HuaweiIotConstants.EVENT_ID, outcome.key());
        if (outcome.isTimeout()) {
            exchange.setException(new HuaweiIotTimeoutException(exchange, outcome.timedOutAfterMillis(), outcome.key(),
                    devices));
        } else {
            exchange.setException(outcome.failure());
        }
    }
}
