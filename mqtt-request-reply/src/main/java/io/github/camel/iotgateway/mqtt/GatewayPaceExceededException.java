package io.github.camel.iotgateway.mqtt;

/**
 * The request would have waited for the platform's pace (its messages or bytes a second per connection) longer than its
 * timeout, or too many already wait. Nothing was published; send less at once, or raise requestTimeout.
 */
public class GatewayPaceExceededException extends GatewayException {

    public GatewayPaceExceededException(String message) {
        super(message);
    }
}
