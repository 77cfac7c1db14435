package io.github.camel.iotgateway.protocol.iotda;

import io.github.camel.iotgateway.protocol.common.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The MQTT CONNECT identity of an IoTDA device (docs/protocol-notes.md B.2): ClientId {@code {device_id}_0_{signType}_{yyyyMMddHH}},
 * Username the device_id, Password the lowercase hex HMAC-SHA256 keyed by the timestamp over the device secret (the
 * timestamp is the key, the secret the message).
 */
public record IotdaConnectCredentials(String clientId, String username, String password) {

    /** signType 0: HMAC-SHA256, the platform does not check the timestamp. */
    public static final int SIGN_TYPE_NO_TIMESTAMP_CHECK = 0;
    /** signType 1: HMAC-SHA256, the platform checks the timestamp against its clock first. */
    public static final int SIGN_TYPE_TIMESTAMP_CHECK = 1;

    private static final String ID_TYPE_DEVICE_ID = "0";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final Pattern SUFFIX = Pattern.compile("_0_[01]_\\d{10}");

    /** Credentials for a connection made at the given instant (UTC hour). */
    public static IotdaConnectCredentials of(String deviceId, String deviceSecret, Instant at, int signType) {
        return of(deviceId, deviceSecret, timestamp(at), signType);
    }

    /** @param timestamp the UTC hour as {@code yyyyMMddHH} */
    public static IotdaConnectCredentials of(String deviceId, String deviceSecret, String timestamp, int signType) {
        if (deviceId == null || deviceId.isEmpty()) {
            throw new IllegalArgumentException("deviceId must be set");
        }
        if (deviceSecret == null || deviceSecret.isEmpty()) {
            throw new IllegalArgumentException("device secret of " + deviceId + " must be set");
        }
        if (signType != SIGN_TYPE_NO_TIMESTAMP_CHECK && signType != SIGN_TYPE_TIMESTAMP_CHECK) {
            throw new IllegalArgumentException("signType must be 0 or 1 (HMAC-SHA256) but was " + signType);
        }
        if (timestamp == null || !timestamp.matches("\\d{10}")) {
            throw new IllegalArgumentException("timestamp must be yyyyMMddHH but was '" + timestamp + "'");
        }
        String clientId = deviceId + "_" + ID_TYPE_DEVICE_ID + "_" + signType + "_" + timestamp;
        return new IotdaConnectCredentials(clientId, deviceId, password(deviceSecret, timestamp));
    }

    /** The password: lowercase hex HMAC-SHA256 with key = timestamp, message = secret. */
    public static String password(String deviceSecret, String timestamp) {
        return Hmac.lowerHex(Hmac.compute("HmacSHA256", timestamp, deviceSecret));
    }

    /** The UTC hour of an instant as {@code yyyyMMddHH}. */
    public static String timestamp(Instant at) {
        return HOUR.format(at);
    }

    /**
     * Checks a CONNECT the way the platform does for signType 0: the ClientId names the device and carries a
     * timestamp, the username is the device_id, and the password is the HMAC that timestamp gives with the secret.
     * The hex is compared ignoring case. Freshness (signType 1) is not checked: its tolerance is not documented.
     */
    public static boolean verify(String clientId, String username, String password, String deviceId,
            String deviceSecret) {
        if (clientId == null || username == null || password == null || deviceId == null || deviceSecret == null
            || !username.equals(deviceId) || !clientId.startsWith(deviceId)
            || !SUFFIX.matcher(clientId.substring(deviceId.length())).matches()) {
            return false;
        }
        String timestamp = clientId.substring(clientId.length() - 10);
        byte[] expected = password(deviceSecret, timestamp).getBytes(StandardCharsets.US_ASCII);
        byte[] given = password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    @Override
    public String toString() {
        return "IotdaConnectCredentials[clientId=" + clientId + ", username=" + username + ", password=***]";
    }
}
