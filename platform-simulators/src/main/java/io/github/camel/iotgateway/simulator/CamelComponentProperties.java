package io.github.camel.iotgateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The {@code META-INF/services/org/apache/camel/component.properties} of one jar on the classpath: every Camel
 * component's jar has one (components, groupId, artifactId, version, projectName, projectDescription), so the one of
 * a given artifactId is picked out. For the tests that the component jars carry theirs.
 */
public final class CamelComponentProperties {

    public static final String RESOURCE = "META-INF/services/org/apache/camel/component.properties";

    private CamelComponentProperties() {
    }

    /**
     * @throws IllegalStateException when no jar on the classpath, or more than one, has one for this artifactId
     */
    public static Properties of(String artifactId) {
        List<Properties> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(CamelComponentProperties.class.getClassLoader().getResources(RESOURCE))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                if (artifactId.equals(properties.getProperty("artifactId"))) {
                    found.add(properties);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() != 1) {
            throw new IllegalStateException(found.size() + " " + RESOURCE + " on the classpath name " + artifactId);
        }
        return found.get(0);
    }
}
