package io.github.camel.iotgateway.alink.error;

/**
 * The exchange does not describe a valid request: its body is no valid sub-device (or list of them), or its operation
 * header names no operation. Raised before anything is published.
 */
public class InvalidSubDeviceException extends IllegalArgumentException {

    public InvalidSubDeviceException(String message) {
        super(message);
    }

    public InvalidSubDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
