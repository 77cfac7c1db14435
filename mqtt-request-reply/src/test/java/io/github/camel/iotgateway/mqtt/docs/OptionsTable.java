package io.github.camel.iotgateway.mqtt.docs;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata.Option;

/**
 * The options table of a component's .adoc, from its metadata: one row per option, the endpoint parameters in the
 * metadata's order (path first, then by group) and then what only the component has. An option that the component and
 * its endpoints both have is one row, since it is one setting (camel.component.scheme.name, overridden on the URI).
 */
public final class OptionsTable {

    private OptionsTable() {
    }

    public static String render(ComponentMetadata metadata) {
        StringBuilder table = new StringBuilder()
                .append("[width=\"100%\",cols=\"3,2,1,2,6\",options=\"header\"]\n")
                .append("|===\n")
                .append("| Name | Group | Default | Type | Description\n");
        for (Option endpoint : metadata.endpointOptions().values()) {
            Option component = metadata.componentOptions().get(endpoint.name());
            if (component != null) {
                requireSameSetting(metadata, component, endpoint);
            }
            String only = component != null ? null : "path".equals(endpoint.kind()) ? "path" : "endpoint only";
            row(table, endpoint, group(endpoint, component), only);
        }
        for (Option component : metadata.componentOptions().values()) {
            if (!metadata.isEndpointOption(component.name())) {
                row(table, component, component.group(), "component only");
            }
        }
        return table.append("|===\n").toString();
    }

    private static void row(StringBuilder table, Option option, String group, String only) {
        String flags = Stream.of(only, option.required() ? "required" : null,
                option.deprecated() ? "deprecated" : null).filter(Objects::nonNull).collect(Collectors.joining(", "));
        StringBuilder description = new StringBuilder(AdocText.cell(option.description()));
        if (!option.enums().isEmpty()) {
            description.append(" Enum values: ")
                    .append(option.enums().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
                    .append('.');
        }
        if (option.secret()) {
            description.append(" *(secret)*");
        }
        table.append("| `").append(option.name()).append('`').append(flags.isEmpty() ? "" : " _(" + flags + ")_")
                .append(" | ").append(group)
                .append(" | ").append(option.defaultValue() == null ? "" : "`" + option.defaultValue() + "`")
                .append(" | ").append(AdocText.cell(AdocText.simpleType(option.javaType())))
                .append(" | ").append(description)
                .append('\n');
    }

    /** Camel files lazyStartProducer and bridgeErrorHandler under "(advanced)" on endpoints only: say both. */
    private static String group(Option endpoint, Option component) {
        if (component == null || component.group().equals(endpoint.group())) {
            return endpoint.group();
        }
        return endpoint.group() + "; on the component: " + component.group();
    }

    /** One row shows both only while they are one setting; if they ever part, the table must show them apart. */
    private static void requireSameSetting(ComponentMetadata metadata, Option component, Option endpoint) {
        if (!Objects.equals(component.defaultValue(), endpoint.defaultValue())
            || !Objects.equals(component.description(), endpoint.description())
            || !Objects.equals(component.javaType(), endpoint.javaType())
            || !Objects.equals(component.enums(), endpoint.enums())
            || component.secret() != endpoint.secret() || component.required() != endpoint.required()) {
            throw new IllegalStateException(metadata.resource() + ": option " + endpoint.name() + " differs between"
                                            + " the component and its endpoints; OptionsTable shows one row per option"
                                            + " and must learn to show both");
        }
    }
}
