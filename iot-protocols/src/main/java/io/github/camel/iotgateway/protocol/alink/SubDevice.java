package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A sub-device as a caller hands it in: its identity and, for a login, either its device secret (we sign) or a sign
 * made elsewhere together with the signMethod, timestamp and clientId it was made over.
 *
 * @param cleanSession for a login: whether QoS 1 messages missed while offline are dropped ({@code null}: platform
 *                     default)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubDevice(
        String productKey,
        String deviceName,
        String deviceSecret,
        String sign,
        SignMethod signMethod,
        String timestamp,
        String clientId,
        Boolean cleanSession) {

    public static SubDevice of(String productKey, String deviceName) {
        return new SubDevice(productKey, deviceName, null, null, null, null, null, null);
    }

    public static SubDevice withSecret(String productKey, String deviceName, String deviceSecret) {
        return new SubDevice(productKey, deviceName, deviceSecret, null, null, null, null, null);
    }

    /** A sub-device whose login sign was computed elsewhere. */
    public static SubDevice withSign(
            String productKey, String deviceName, String sign, SignMethod signMethod, String timestamp, String clientId) {
        return new SubDevice(productKey, deviceName, null, sign, signMethod, timestamp, clientId, null);
    }

    public SubDeviceId id() {
        return new SubDeviceId(productKey, deviceName);
    }

    public boolean hasReadySign() {
        return sign != null;
    }

    /** Secrets and signs stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "SubDevice[" + productKey + "/" + deviceName
               + (deviceSecret != null ? ", deviceSecret=***" : "")
               + (sign != null ? ", sign=***" : "") + "]";
    }
}
