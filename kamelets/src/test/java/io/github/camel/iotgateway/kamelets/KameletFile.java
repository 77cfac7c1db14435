package io.github.camel.iotgateway.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** One {@code kamelets/<name>.kamelet.yaml} of this module's jar, as plain YAML (what a catalog or UI reads). */
record KameletFile(String fileName, String text, Map<String, Object> yaml) {

    /** The kamelets this module ships. */
    static final List<String> NAMES = List.of("alink-subdevice-session-sink", "alink-session-events-source",
            "huaweiiot-child-device-sink", "huaweiiot-events-source");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");

    @SuppressWarnings("unchecked")
    static KameletFile of(String name) {
        String fileName = name + ".kamelet.yaml";
        URL url = KameletFile.class.getClassLoader().getResource("kamelets/" + fileName);
        if (url == null) {
            throw new AssertionError("kamelets/" + fileName + " is not on the classpath");
        }
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Object yaml = new Load(LoadSettings.builder().build()).loadFromString(text);
            return new KameletFile(fileName, text, (Map<String, Object>) yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> metadata() {
        return map(yaml, "metadata");
    }

    Map<String, Object> definition() {
        return map(map(yaml, "spec"), "definition");
    }

    Map<String, Map<String, Object>> properties() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition().get("properties");
        return properties;
    }

    @SuppressWarnings("unchecked")
    List<String> required() {
        return (List<String>) definition().getOrDefault("required", List.of());
    }

    @SuppressWarnings("unchecked")
    List<String> dependencies() {
        return (List<String>) map(yaml, "spec").get("dependencies");
    }

    /** The template as written, for its placeholders. */
    String templateText() {
        return text.substring(text.indexOf("\n  template:"));
    }

    /** The kamelet properties the template's {@code {{name}}} and {@code {{?name}}} placeholders name. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(templateText());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The endpoint parameters of the template's step or source that sends to or consumes {@code uri}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> parametersOf(String uriStart) {
        Map<String, Object> template = map(map(yaml, "spec"), "template");
        Map<String, Object> from = map(template, "from");
        if (String.valueOf(from.get("uri")).startsWith(uriStart)) {
            return (Map<String, Object>) from.get("parameters");
        }
        for (Object step : (List<Object>) from.get("steps")) {
            Object to = ((Map<String, Object>) step).get("to");
            if (to instanceof Map<?, ?> endpoint && String.valueOf(endpoint.get("uri")).startsWith(uriStart)) {
                return (Map<String, Object>) endpoint.get("parameters");
            }
        }
        throw new AssertionError(fileName + " has no endpoint " + uriStart + "...");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no " + key + " object");
        }
        return (Map<String, Object>) value;
    }

    @Override
    public String toString() {
        return fileName;
    }
}
