package io.github.camel.iotgateway.protocol.alink;

import io.github.camel.iotgateway.protocol.common.Hmac;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Alink signing formula (docs/protocol-notes.md A.2, A.3.5): every submitted parameter except sign, signMethod and
 * cleanSession, sorted by name, concatenated as name followed by value, HMAC'd with the device secret, uppercase hex.
 */
public final class AlinkSigner {

    private static final Set<String> EXCLUDED = Set.of("sign", "signMethod", "signmethod", "cleanSession");

    private AlinkSigner() {
    }

    /** The exact text that is signed. */
    public static String content(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!EXCLUDED.contains(name) && value != null) {
                sb.append(name).append(value);
            }
        });
        return sb.toString();
    }

    public static String sign(SignMethod method, String deviceSecret, Map<String, String> params) {
        return Hmac.upperHex(Hmac.compute(method.jcaName(), deviceSecret, content(params)));
    }

    /** The sign of a sub-device login: over clientId, deviceName, productKey and timestamp. */
    public static String loginSign(
            SignMethod method, String deviceSecret, String clientId, String deviceName, String productKey, String timestamp) {
        return sign(method, deviceSecret, Map.of(
                "clientId", clientId, "deviceName", deviceName, "productKey", productKey, "timestamp", timestamp));
    }
}
