package io.github.camel.iotgateway.protocol.common;

/**
 * Guards the values we splice into MQTT topic names. A gateway identity holding {@code /}, {@code +}, {@code #} or
 * NUL would publish to, or subscribe to, another device's topics.
 */
public final class TopicSegments {

    private TopicSegments() {
    }

    /** @throws IllegalArgumentException naming the field when the value is empty or unusable inside a topic */
    public static String requireSafe(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must be set");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\0') {
                throw new IllegalArgumentException(field + " must not contain the MQTT topic characters '/', '+', '#' or NUL: '"
                                                   + value.replace("\0", "\\0") + "'");
            }
        }
        return value;
    }
}
