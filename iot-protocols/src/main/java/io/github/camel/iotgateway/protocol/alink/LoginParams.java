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
        return of(device, defaultMethod, clockMillis, null);
    }

    /**
     * @param defaultCleanSession the {@code cleanSession} sent when the sub-device names none ({@code "true"} as every
     *                            vendor SDK and documented sample sends it, docs/protocol-notes.md A.3); {@code null}
     *                            sends none
     */
    public static LoginParams of(SubDevice device, SignMethod defaultMethod, LongSupplier clockMillis,
                                 Boolean defaultCleanSession) {
        Boolean clean = device.cleanSession() != null ? device.cleanSession() : defaultCleanSession;
        String cleanSession = clean == null ? null : clean.toString();
        // an empty field is a missing one: the platform refuses it (460) once it has been sent
        if (device.hasReadySign()) {
            if (device.sign().isBlank() || device.signMethod() == null || blank(device.timestamp())
                || blank(device.clientId())) {
                throw new IllegalArgumentException("Sub-device " + device.id()
                                                   + " brings a sign but not all of signMethod, timestamp and clientId it was made over");
            }
            return new LoginParams(device.productKey(), device.deviceName(), device.clientId(), device.timestamp(),
                    device.signMethod(), device.sign(), cleanSession);
        }
        if (blank(device.deviceSecret())) {
            throw new IllegalArgumentException("Login of sub-device " + device.id()
                                               + " needs its deviceSecret, or a ready sign with signMethod, timestamp and clientId");
        }
        if (isEmptyButSet(device.timestamp()) || isEmptyButSet(device.clientId())) {
            throw new IllegalArgumentException("Sub-device " + device.id() + " has a blank timestamp or clientId: leave"
                                               + " them out to have them made, or give them values");
        }
        SignMethod method = device.signMethod() != null ? device.signMethod() : defaultMethod;
        String clientId = device.clientId() != null ? device.clientId() : device.productKey() + "&" + device.deviceName();
        String timestamp = device.timestamp() != null ? device.timestamp() : Long.toString(clockMillis.getAsLong());
        String sign = AlinkSigner.loginSign(method, device.deviceSecret(), clientId, device.deviceName(),
                device.productKey(), timestamp);
        return new LoginParams(device.productKey(), device.deviceName(), clientId, timestamp, method, sign, cleanSession);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isEmptyButSet(String value) {
        return value != null && value.isBlank();
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
