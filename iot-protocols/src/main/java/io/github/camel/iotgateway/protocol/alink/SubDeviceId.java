package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The identity of a sub-device as the platform names it in params and reply data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubDeviceId(String productKey, String deviceName) {

    /** @throws IllegalArgumentException when either part breaks Alibaba's naming rules */
    public SubDeviceId validate() {
        AlinkNames.requireProductKey("productKey", productKey);
        AlinkNames.requireDeviceName("deviceName", deviceName);
        return this;
    }

    @Override
    public String toString() {
        return productKey + "/" + deviceName;
    }
}
