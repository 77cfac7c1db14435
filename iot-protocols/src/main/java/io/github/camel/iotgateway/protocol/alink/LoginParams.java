package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.function.LongSupplier;

/** The {@code params} of one sub-device in a login, or one entry of a batch login's {@code deviceList}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginParams(
        String productKey,
        String deviceName,
        String clientId,
        String timestamp,
        SignMethod signMethod,
        String sign,
        String cleanSession) {

    /**
     * Builds the signed login params of a sub-device: uses its ready sign when it brings one, else signs with its
     * secret over clientId {@code productKey&deviceName} (the documented suggestion) and the clock's milliseconds.
     *
     * @throws IllegalArgumentException when the sub-device brings neither a secret nor a complete ready sign
     */
    public static LoginParams of(SubDevice device, SignMethod defaultMethod, LongSupplier clockMillis) {
        String cleanSession = device.cleanSession() == null ? null : device.cleanSession().toString();
        if (device.hasReadySign()) {
            if (device.signMethod() == null || device.timestamp() == null || device.clientId() == null) {
                throw new IllegalArgumentException("Sub-device " + device.id()
                                                   + " brings a sign but not all of signMethod, timestamp and clientId it was made over");
            }
            return new LoginParams(device.productKey(), device.deviceName(), device.clientId(), device.timestamp(),
                    device.signMethod(), device.sign(), cleanSession);
        }
        if (device.deviceSecret() == null || device.deviceSecret().isEmpty()) {
            throw new IllegalArgumentException("Login of sub-device " + device.id()
                                               + " needs its deviceSecret, or a ready sign with signMethod, timestamp and clientId");
        }
        SignMethod method = device.signMethod() != null ? device.signMethod() : defaultMethod;
        String clientId = device.clientId() != null ? device.clientId() : device.productKey() + "&" + device.deviceName();
        String timestamp = device.timestamp() != null ? device.timestamp() : Long.toString(clockMillis.getAsLong());
        String sign = AlinkSigner.loginSign(method, device.deviceSecret(), clientId, device.deviceName(),
                device.productKey(), timestamp);
        return new LoginParams(device.productKey(), device.deviceName(), clientId, timestamp, method, sign, cleanSession);
    }

    public SubDeviceId id() {
        return new SubDeviceId(productKey, deviceName);
    }

    /** The parameters the sign covers, as a verifier recomputes it. */
    public Map<String, String> signedContent() {
        return Map.of("clientId", clientId == null ? "" : clientId, "deviceName", deviceName,
                "productKey", productKey, "timestamp", timestamp == null ? "" : timestamp);
    }

    @Override
    public String toString() {
        return "LoginParams[" + productKey + "/" + deviceName + ", signMethod=" + signMethod + ", sign=***]";
    }
}
