package io.github.camel.iotgateway.springboot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import io.github.camel.iotgateway.mqtt.docs.DocBlocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot section shows what a starter's tests run: its {@code camel.component.<scheme>.*} properties
 * are those of the starter's test application's application.properties (the starter's application test boots on
 * them), and its dependency names the starter at this version. (The component module's DocSnippetsTest checks each key
 * names an option.) The README is the repository's, two levels above the starter.
 */
public abstract class ReadmeSpringBootSnippetsTestSupport {

    private static final Path README = Path.of(System.getProperty("basedir", ".")).resolve("../../README.md").normalize();
    private static final String SECTION = "## Spring Boot";

    private final StarterUnderTest<?, ?> starter;

    protected ReadmeSpringBootSnippetsTestSupport(StarterUnderTest<?, ?> starter) {
        this.starter = starter;
    }

    @Test
    public void thePropertiesOfTheReadmeAreThoseTheTestApplicationBootsOn() throws IOException {
        String prefix = starter.prefix();
        List<DocBlock> snippets = inSection("properties").stream()
                .filter(b -> b.mentions("camel.component." + starter.scheme())).toList();

        assertThat(snippets).hasSize(1);
        Map<String, String> readme = properties(snippets.get(0).text());
        assertThat(readme).containsKeys(prefix + "broker-url", prefix + "gateway-device-secret");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            assertThat(in).as("the test application's application.properties").isNotNull();
            Map<String, String> application = properties(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(application).containsAllEntriesOf(readme);
            assertThat(application.keySet().stream().filter(k -> k.startsWith("camel.")))
                    .as("the test application sets no Camel option the README leaves out")
                    .containsExactlyInAnyOrderElementsOf(readme.keySet());
        }
    }

    @Test
    public void theDependencyOfTheReadmeIsThisStarterAtThisVersion() throws IOException {
        List<DocBlock> snippets = inSection("xml").stream().filter(b -> b.mentions(starter.artifactId())).toList();

        assertThat(snippets).hasSize(1);
        assertThat(snippets.get(0).text().replaceAll("\\s+", "")).contains("<dependency><groupId>io.github.camel-iot-gateway"
                + "</groupId><artifactId>" + starter.artifactId() + "</artifactId><version>"
                + System.getProperty("project.version") + "</version></dependency>");
    }

    /** The blocks in {@code language} between the section's heading and the next heading of its level. */
    private static List<DocBlock> inSection(String language) throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = lines.indexOf(SECTION);
        assertThat(start).as("%s in %s", SECTION, README).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        int first = start + 1;
        int last = end;
        return DocBlocks.in(README, language).stream().filter(b -> b.line() > first && b.line() <= last).toList();
    }

    private static Map<String, String> properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, properties::getProperty));
    }
}
