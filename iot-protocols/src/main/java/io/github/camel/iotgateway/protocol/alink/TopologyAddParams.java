package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One entry of a {@code thing/topo/add}: the sub-device and a sign over clientId, deviceName, productKey and timestamp,
 * made as a login's is (docs/protocol-notes.md A.3.5), but with the sign method under the lowercase key
 * {@code signmethod}, as the docs and both C SDKs write it (A.4).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopologyAddParams(
        String productKey,
        String deviceName,
        String clientId,
        String timestamp,
        @JsonProperty("signmethod") SignMethod signmethod,
        String sign) {

    /**
     * Signs a sub-device's topology entry: with its ready sign when it brings one (with the method, timestamp and
     * clientId it was made over), else with its secret over clientId {@code productKey&deviceName} and the clock.
     *
     * @throws IllegalArgumentException when the sub-device brings neither a secret nor a complete ready sign
     */
    public static TopologyAddParams of(SubDevice device, SignMethod defaultMethod, LongSupplier clockMillis) {
        // the same rules and sign as a login's; the topology entry only names the method differently
        LoginParams signed;
        try {
            signed = LoginParams.of(device, defaultMethod, clockMillis, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("Login of", "Adding the topology of"), e);
        }
        return new TopologyAddParams(signed.productKey(), signed.deviceName(), signed.clientId(), signed.timestamp(),
                signed.signMethod(), signed.sign());
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
        return "TopologyAddParams[" + productKey + "/" + deviceName + ", signmethod=" + signmethod + ", sign=***]";
    }
}
