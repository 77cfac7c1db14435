package io.github.camel.iotgateway.protocol.common;

import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC over UTF-8 text, rendered as hex: the one primitive both clouds' signing formulas are built from. */
public final class Hmac {

    private Hmac() {
    }

    /** @param jcaAlgorithm a JCA MAC name such as {@code HmacSHA256} */
    public static byte[] compute(String jcaAlgorithm, String key, String message) {
        try {
            Mac mac = Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // every JRE ships HmacMD5, HmacSHA1 and HmacSHA256: reaching this is a broken runtime, not bad input
            throw new IllegalStateException("MAC " + jcaAlgorithm + " is not available in this JRE", e);
        }
    }

    public static String upperHex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public static String lowerHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
