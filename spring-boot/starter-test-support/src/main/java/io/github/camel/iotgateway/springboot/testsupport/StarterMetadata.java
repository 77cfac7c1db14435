package io.github.camel.iotgateway.springboot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * A starter's {@code META-INF/spring-configuration-metadata.json} as spring-boot-configuration-processor wrote it into
 * that starter's classes (the classpath has other starters' files of that name): what an IDE completes.
 */
public record StarterMetadata(Map<String, Property> properties, Map<String, List<String>> hints) {

    static final String RESOURCE = "META-INF/spring-configuration-metadata.json";

    /** One property: its type, description and default as the IDE shows them. */
    public record Property(String name, String type, String description, String defaultValue) {
    }

    public static StarterMetadata of(Class<?> classOfTheStarter) throws IOException, URISyntaxException {
        Path classes = Path.of(classOfTheStarter.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = classes.resolve(RESOURCE);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: spring-boot-configuration-processor writes it at compile");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static StarterMetadata parse(String json) {
        JsonObject root = Jsoner.deserialize(json, new JsonObject());
        Map<String, Property> properties = new LinkedHashMap<>();
        for (Object p : root.getCollectionOrDefault("properties", List.of())) {
            JsonObject property = (JsonObject) p;
            String name = property.getString("name");
            properties.put(name, new Property(name, property.getString("type"), property.getString("description"),
                    jsonText(property.get("defaultValue"))));
        }
        Map<String, List<String>> hints = new LinkedHashMap<>();
        for (Object h : root.getCollectionOrDefault("hints", List.of())) {
            JsonObject hint = (JsonObject) h;
            hints.put(hint.getString("name"), hint.<List<Object>> getCollectionOrDefault("values", List.of()).stream()
                    .map(v -> jsonText(((JsonObject) v).get("value"))).toList());
        }
        return new StarterMetadata(properties, hints);
    }

    /** A JSON scalar as JSON writes it (50, not 50.0), as the component's metadata is read; null when absent. */
    private static String jsonText(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? null : String.valueOf(value);
    }
}
