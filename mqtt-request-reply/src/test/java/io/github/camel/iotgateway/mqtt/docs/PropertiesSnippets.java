package io.github.camel.iotgateway.mqtt.docs;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.camel.util.StringHelper;

/** The camel.component.{scheme}.{option} keys of a properties snippet, against the component's metadata. */
public final class PropertiesSnippets {

    private PropertiesSnippets() {
    }

    /** The keys of {@code snippet} for the component; fails when it sets none (then it is no snippet of this component). */
    public static List<String> componentKeys(DocBlock snippet, ComponentMetadata metadata) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(snippet.text()));
        String prefix = prefix(metadata);
        List<String> keys = properties.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
        if (keys.isEmpty()) {
            throw new AssertionError(snippet + " sets no " + prefix + "* key");
        }
        return keys;
    }

    /** The keys of {@code snippet} for the component that name no option of it (Camel main takes camelCase or dashes). */
    public static List<String> unknownKeys(DocBlock snippet, ComponentMetadata metadata) throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String key : componentKeys(snippet, metadata)) {
            String option = StringHelper.dashToCamelCase(key.substring(prefix(metadata).length()));
            if (!metadata.isComponentOption(option)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private static String prefix(ComponentMetadata metadata) {
        return "camel.component." + metadata.scheme() + ".";
    }
}
