package io.github.camel.iotgateway.mqtt.docs;

import java.util.regex.Pattern;

/** Plain text (a javadoc description) made safe for one AsciiDoc table cell. */
final class AdocText {

    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{([\\w-]+)}");
    private static final Pattern PACKAGE_QUALIFIER = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Z])");

    private AdocText() {
    }

    /**
     * A '|' would end the cell, and {name} is an AsciiDoc attribute reference (a description such as
     * "$oc/devices/{gatewayDeviceId}/sys" means the braces literally).
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ').strip();
        return ATTRIBUTE_REFERENCE.matcher(oneLine.replace("|", "\\|")).replaceAll("\\\\{$1}");
    }

    /** A Java type as Camel's docs show it: without packages, type arguments kept (StateRepository<String, String>). */
    static String simpleType(String javaType) {
        return javaType == null ? "" : PACKAGE_QUALIFIER.matcher(javaType).replaceAll("");
    }
}
