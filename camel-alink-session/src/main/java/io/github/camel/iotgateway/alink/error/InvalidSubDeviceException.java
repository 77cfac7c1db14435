package io.github.camel.iotgateway.alink.error;

/** The exchange's body does not describe valid sub-device(s). Raised before anything is published. */
public class InvalidSubDeviceException extends IllegalArgumentException {

    public InvalidSubDeviceException(String message) {
        super(message);
    }

    public InvalidSubDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
