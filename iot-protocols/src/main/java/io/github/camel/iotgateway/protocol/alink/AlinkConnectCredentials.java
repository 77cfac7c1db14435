package io.github.camel.iotgateway.protocol.alink;

import io.github.camel.iotgateway.protocol.common.Hmac;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MQTT CONNECT identity of an Alibaba device (docs/protocol-notes.md A.2): clientId
 * {@code pk.dn|securemode=2,signmethod=hmacsha256,timestamp=ms|}, username {@code dn&pk}, password the uppercase hex
 * HMAC-SHA256 of {@code clientId<pk.dn>deviceName<dn>productKey<pk>timestamp<ms>} keyed by the device secret.
 */
public record AlinkConnectCredentials(String clientId, String username, String password) {

    /** securemode 2: TLS direct; 3: plain TCP. */
    public static final int SECURE_MODE_TLS = 2;
    public static final int SECURE_MODE_TCP = 3;

    /** {@code id|k=v,k=v,...|}: the SDKs add keys (_v, _ss, ext, gw, lan, ...) in any order, and a trailing comma. */
    private static final Pattern CLIENT_ID = Pattern.compile("^(?<id>[^|]+)\\|(?<params>[^|]*)\\|$");

    public static AlinkConnectCredentials of(
            String productKey, String deviceName, String deviceSecret, long timestampMillis, int secureMode) {
        String baseId = productKey + "." + deviceName;
        String timestamp = Long.toString(timestampMillis);
        String clientId = baseId + "|securemode=" + secureMode + ",signmethod=hmacsha256,timestamp=" + timestamp + "|";
        String password = AlinkSigner.sign(SignMethod.HMAC_SHA256, deviceSecret, Map.of(
                "clientId", baseId, "deviceName", deviceName, "productKey", productKey, "timestamp", timestamp));
        return new AlinkConnectCredentials(clientId, deviceName + "&" + productKey, password);
    }

    /**
     * Checks a CONNECT the way the platform does: the username names the device, and the password is the HMAC the
     * clientId's sign method and timestamp give with the device's secret.
     */
    public static boolean verify(String clientId, String username, String password, String productKey, String deviceName,
            String deviceSecret) {
        if (clientId == null || username == null || password == null) {
            return false;
        }
        Matcher m = CLIENT_ID.matcher(clientId);
        if (!m.matches() || !username.equals(deviceName + "&" + productKey)) {
            return false;
        }
        Map<String, String> params = new HashMap<>();
        for (String pair : m.group("params").split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        if (params.get("securemode") == null || params.get("signmethod") == null) {
            return false;
        }
        SignMethod method;
        try {
            method = SignMethod.fromWireName(params.get("signmethod"));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // the docs let the password's content leave out the timestamp (and the clientId): try what the clientId gives
        Map<String, String> content = new HashMap<>(Map.of("clientId", m.group("id"), "deviceName", deviceName,
                "productKey", productKey));
        String timestamp = params.get("timestamp");
        if (timestamp != null) {
            content.put("timestamp", timestamp);
        }
        String expected = Hmac.upperHex(Hmac.compute(method.jcaName(), deviceSecret, AlinkSigner.content(content)));
        return expected.equalsIgnoreCase(password);
    }

    @Override
    public String toString() {
        return "AlinkConnectCredentials[clientId=" + clientId + ", username=" + username + ", password=***]";
    }
}
