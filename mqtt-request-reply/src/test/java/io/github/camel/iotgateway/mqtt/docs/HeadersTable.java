package io.github.camel.iotgateway.mqtt.docs;

import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata.Header;

/** The message headers table of a component's .adoc, from its metadata (the @Metadata constants), in their order. */
public final class HeadersTable {

    private HeadersTable() {
    }

    public static String render(ComponentMetadata metadata) {
        StringBuilder table = new StringBuilder()
                .append("[width=\"100%\",cols=\"3,1,1,3,6\",options=\"header\"]\n")
                .append("|===\n")
                .append("| Name | Group | Type | Constant | Description\n");
        for (Header header : metadata.headers()) {
            table.append("| `").append(header.name()).append('`')
                    .append(" | ").append(header.group())
                    .append(" | ").append(AdocText.cell(AdocText.simpleType(header.javaType())))
                    .append(" | ").append(constant(header.constantName()))
                    .append(" | ").append(AdocText.cell(header.description()))
                    .append('\n');
        }
        return table.append("|===\n").toString();
    }

    /** io.github...AlinkSessionConstants#OPERATION as a Java DSL route writes it: AlinkSessionConstants.OPERATION. */
    private static String constant(String constantName) {
        if (constantName == null || constantName.isEmpty()) {
            return "";
        }
        String dotted = constantName.replace('#', '.');
        int field = dotted.lastIndexOf('.');
        int type = dotted.lastIndexOf('.', field - 1);
        return "`" + dotted.substring(type + 1) + "`";
    }
}
