package io.github.camel.iotgateway.protocol.alink;

import java.util.regex.Pattern;

/** Alibaba's naming rules for device identities, checked before anything is published. */
public final class AlinkNames {

    /** 4 to 32 letters, digits and {@code _-@.:} (error 6280 "devicename not meet specs"). */
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_\\-@.:]{4,32}");
    /** ProductKeys are issued by the platform as letters and digits. */
    private static final Pattern PRODUCT_KEY = Pattern.compile("[A-Za-z0-9]{1,64}");

    private AlinkNames() {
    }

    public static String requireDeviceName(String field, String value) {
        if (value == null || !DEVICE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 4 to 32 letters, digits or _-@.: but was "
                                               + describe(value));
        }
        return value;
    }

    public static String requireProductKey(String field, String value) {
        if (value == null || !PRODUCT_KEY.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 64 letters or digits but was " + describe(value));
        }
        return value;
    }

    private static String describe(String value) {
        return value == null ? "missing" : "'" + value.replace("\0", "\\0") + "'";
    }
}
