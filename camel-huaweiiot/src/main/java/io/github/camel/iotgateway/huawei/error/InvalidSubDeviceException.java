package io.github.camel.iotgateway.huawei.error;

/** The exchange's body does not describe valid child device(s) for the operation. Raised before anything is published. */
public class InvalidSubDeviceException extends IllegalArgumentException {

    public InvalidSubDeviceException(String message) {
        super(message);
    }

    public InvalidSubDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
