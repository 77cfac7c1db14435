package io.github.camel.iotgateway.mqtt.docs;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * A component's JSON metadata, the {@code <scheme>.json} that camel-component-maven-plugin's {@code generate} goal
 * writes from the {@code @UriParam} / {@code @Metadata} annotations and their javadoc, read from the classpath as the
 * jar ships it. The docs are checked against this file rather than against the annotations, so what Camel tooling
 * (catalog, IDE plugins, JBang) shows and what the .adoc shows are one text.
 */
public record ComponentMetadata(String scheme, String resource, Map<String, Option> componentOptions,
        Map<String, Option> endpointOptions, List<Header> headers) {

    /** One component property or endpoint parameter as the metadata describes it. */
    public record Option(String name, String kind, String group, boolean required, boolean deprecated, String javaType,
            List<String> enums, String defaultValue, boolean secret, String description) {
    }

    /** One message header as the metadata describes it. */
    public record Header(String name, String group, String javaType, String constantName, String description) {
    }

    /** The metadata the generate goal put next to {@code componentClass}: {@code META-INF/<package path>/<scheme>.json}. */
    public static ComponentMetadata of(Class<?> componentClass, String scheme) throws IOException {
        String resource = "META-INF/" + componentClass.getPackageName().replace('.', '/') + "/" + scheme + ".json";
        try (InputStream in = componentClass.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: camel-component-maven-plugin's"
                                                + " generate goal (process-classes) writes it");
            }
            return parse(scheme, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static ComponentMetadata parse(String scheme, String resource, String json) {
        JsonObject root;
        try {
            root = (JsonObject) Jsoner.deserialize(json);
        } catch (DeserializationException | ClassCastException e) {
            throw new IllegalArgumentException(resource + " is no JSON object: " + e.getMessage(), e);
        }
        List<Header> headers = new ArrayList<>();
        root.<JsonObject> getMapOrDefault("headers", new JsonObject()).forEach((name, value) -> {
            JsonObject h = (JsonObject) value;
            headers.add(new Header(name, h.getString("group"), h.getString("javaType"), h.getString("constantName"),
                    h.getString("description")));
        });
        return new ComponentMetadata(scheme, resource, options(root.getMap("componentProperties")),
                options(root.getMap("properties")), List.copyOf(headers));
    }

    private static Map<String, Option> options(JsonObject section) {
        Map<String, Option> options = new LinkedHashMap<>();
        if (section == null) {
            return options;
        }
        section.forEach((name, value) -> {
            JsonObject o = (JsonObject) value;
            List<String> enums = o.<List<Object>> getCollectionOrDefault("enum", List.of()).stream()
                    .map(String::valueOf).toList();
            Object defaultValue = o.get("defaultValue");
            options.put(name, new Option(name, o.getString("kind"), o.getString("group"),
                    Boolean.TRUE.equals(o.getBoolean("required")), Boolean.TRUE.equals(o.getBoolean("deprecated")),
                    o.getString("javaType"), enums,
                    jsonText(defaultValue), Boolean.TRUE.equals(o.getBoolean("secret")),
                    o.getString("description")));
        });
        return options;
    }

    /** A JSON scalar as JSON (and Camel's tooling) writes it: true, not True; 50, not 50.0; null when absent. */
    private static String jsonText(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? null : String.valueOf(value);
    }

    /** Whether {@code name} (camelCase) is an option of the component itself, as set by {@code camel.component.<scheme>.<name>}. */
    public boolean isComponentOption(String name) {
        return componentOptions.containsKey(name);
    }

    /** Whether {@code name} is a parameter of the component's endpoints (path or query). */
    public boolean isEndpointOption(String name) {
        return endpointOptions.containsKey(name);
    }
}
