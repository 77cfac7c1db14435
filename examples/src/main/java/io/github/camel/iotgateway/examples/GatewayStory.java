package io.github.camel.iotgateway.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The example application: YAML routes on camel-main that log 120 Alibaba sub-devices in, log them out again one by one
 * (batched by the component), and print what happened. By default everything runs in this JVM on an embedded broker
 * with the platform simulators; with {@code STORY_EMBEDDED=false} the same routes run against the broker and gateway
 * set in application.properties / the environment.
 * <p>
 * Exits 0 when every request got the platform's answer, non-zero otherwise. {@code --keep-running} keeps the
 * application up after the summary, with camel-main's HTTP management server on {@code STORY_MANAGEMENT_PORT} (9876 by
 * default): the gateways' meters in Prometheus's format at {@code /observe/metrics}, their health checks at
 * {@code /observe/health} (keep-running.properties).
 */
public final class GatewayStory {

    private GatewayStory() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs the story and returns its exit status. */
    public static int run(String[] args) throws Exception {
        return run(args, main -> {
        });
    }

    /** @param started given the application before it runs: a test ends a story that keeps running with it */
    static int run(String[] args, Consumer<StoryMain> started) throws Exception {
        boolean keepRunning = Arrays.asList(args).contains("--keep-running");
        boolean embedded = !"false".equalsIgnoreCase(setting("STORY_EMBEDDED", "true"));
        StoryMain main = new StoryMain();
        if (keepRunning) {
            // metrics and health over HTTP for as long as it runs; a story that ends at once serves nothing
            keepRunningProperties().forEach((key, value) -> main.addOverrideProperty((String) key, (String) value));
            main.addOverrideProperty("camel.management.port", setting("STORY_MANAGEMENT_PORT", "9876"));
        }
        StoryDevices devices;
        String where;
        EmbeddedClouds clouds = null;
        if (embedded) {
            devices = StoryDevices.madeUp();
            clouds = EmbeddedClouds.start(Integer.parseInt(setting("STORY_BROKER_PORT", "0")), devices);
            clouds.componentProperties().forEach(main::addOverrideProperty);
            where = "embedded broker " + clouds.brokerUrl() + " with the platform simulators";
        } else {
            devices = StoryDevices.fromFiles(Path.of(required("ALINK_SUB_DEVICES_FILE")),
                    Path.of(required("HUAWEI_CHILD_DEVICES_FILE")));
            where = "the brokers and gateways of application.properties";
        }
        StoryReport report = new StoryReport(where, main::finish, keepRunning,
                Long.parseLong(setting("STORY_DEADLINE_SECONDS", "120")));
        main.bind("storyDevices", devices);
        main.bind("story", report);
        started.accept(main);
        try {
            return main.run(new String[0]);
        } finally {
            if (clouds != null) {
                clouds.close();
            }
        }
    }

    private static Properties keepRunningProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GatewayStory.class.getResourceAsStream("/keep-running.properties")) {
            properties.load(in);
        }
        return properties;
    }

    /** A setting from a system property or, failing that, the environment. */
    static String setting(String name, String defaultValue) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static String required(String name) {
        String value = setting(name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set when STORY_EMBEDDED=false");
        }
        return value;
    }
}
