package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The HMAC methods a login sign may use. The wire names are Alibaba's; matching is case-insensitive. */
public enum SignMethod {

    HMAC_MD5("hmacMd5", "HmacMD5"),
    HMAC_SHA1("hmacSha1", "HmacSHA1"),
    HMAC_SHA256("hmacSha256", "HmacSHA256");

    private final String wireName;
    private final String jcaName;

    SignMethod(String wireName, String jcaName) {
        this.wireName = wireName;
        this.jcaName = jcaName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String jcaName() {
        return jcaName;
    }

    @JsonCreator
    public static SignMethod fromWireName(String name) {
        for (SignMethod m : values()) {
            if (m.wireName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown signMethod '" + name + "': use hmacMd5, hmacSha1 or hmacSha256");
    }
}
