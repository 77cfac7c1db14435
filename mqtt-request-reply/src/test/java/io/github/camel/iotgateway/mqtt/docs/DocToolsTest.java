package io.github.camel.iotgateway.mqtt.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.github.camel.iotgateway.mqtt.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tools the components' doc tests use, on small documents made here. */
class DocToolsTest {

    /** Shaped like camel-component-maven-plugin's output, cut down to what the tables read. */
    private static final String JSON = """
            { "component": { "scheme": "demo" },
              "componentProperties": {
                "brokerUrl": { "kind": "property", "group": "common", "required": true, "javaType": "java.lang.String", "secret": false, "description": "The broker." },
                "batching": { "kind": "property", "group": "producer", "required": false, "javaType": "boolean", "secret": false, "defaultValue": true, "description": "Whether to batch | or not." },
                "lazyStartProducer": { "kind": "property", "group": "producer", "javaType": "boolean", "secret": false, "defaultValue": false, "description": "Lazy." },
                "autowiredEnabled": { "kind": "property", "group": "advanced", "javaType": "boolean", "secret": false, "defaultValue": true, "description": "Autowiring." },
                "secret": { "kind": "property", "group": "security", "javaType": "java.lang.String", "secret": true, "description": "The secret of {device_id}." } },
              "headers": {
                "CamelDemoCode": { "kind": "header", "group": "producer", "javaType": "Integer", "description": "The code.", "constantName": "org.example.DemoConstants#CODE" } },
              "properties": {
                "operation": { "kind": "path", "group": "common", "required": true, "type": "enum", "javaType": "java.lang.String", "enum": [ "login", "logout" ], "secret": false, "description": "The operation." },
                "brokerUrl": { "kind": "parameter", "group": "common", "required": true, "javaType": "java.lang.String", "secret": false, "description": "The broker." },
                "batching": { "kind": "parameter", "group": "producer", "required": false, "javaType": "boolean", "secret": false, "defaultValue": true, "description": "Whether to batch | or not." },
                "lazyStartProducer": { "kind": "parameter", "group": "producer (advanced)", "javaType": "boolean", "secret": false, "defaultValue": false, "description": "Lazy." },
                "repository": { "kind": "parameter", "group": "consumer", "javaType": "org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>", "secret": false, "description": "Where." },
                "secret": { "kind": "parameter", "group": "security", "javaType": "java.lang.String", "secret": true, "description": "The secret of {device_id}." } } }
            """;

    private static final ComponentMetadata DEMO = ComponentMetadata.parse("demo", "demo.json", JSON);

    @Test
    void theOptionsTableShowsEachOptionOnceWithItsDefaultAsCamelPrintsIt() {
        String table = OptionsTable.render(DEMO);

        assertThat(table.lines()).containsExactly(
                "[width=\"100%\",cols=\"3,2,1,2,6\",options=\"header\"]",
                "|===",
                "| Name | Group | Default | Type | Description",
                "| `operation` _(path, required)_ | common |  | String | The operation. Enum values: `login`, `logout`.",
                "| `brokerUrl` _(required)_ | common |  | String | The broker.",
                "| `batching` | producer | `true` | boolean | Whether to batch \\| or not.",
                "| `lazyStartProducer` | producer (advanced); on the component: producer | `false` | boolean | Lazy.",
                "| `repository` _(endpoint only)_ | consumer |  | StateRepository<String, String> | Where.",
                "| `secret` | security |  | String | The secret of \\{device_id}. *(secret)*",
                "| `autowiredEnabled` _(component only)_ | advanced | `true` | boolean | Autowiring.",
                "|===");
    }

    @Test
    void optionsThatPartBetweenComponentAndEndpointAreNotMergedSilently() {
        String endpointBatching = "\"batching\": { \"kind\": \"parameter\", \"group\": \"producer\", \"required\": false,"
                                  + " \"javaType\": \"boolean\", \"secret\": false, \"defaultValue\": ";
        assertThat(JSON).contains(endpointBatching + "true");
        ComponentMetadata parted = ComponentMetadata.parse("demo", "demo.json",
                JSON.replace(endpointBatching + "true", endpointBatching + "false"));
        assertThat(parted.endpointOptions().get("batching").defaultValue()).isEqualTo("false");

        assertThatThrownBy(() -> OptionsTable.render(parted)).hasMessageContaining("option batching differs");
    }

    @Test
    void theHeadersTableNamesTheConstantAJavaRouteUses() {
        assertThat(HeadersTable.render(DEMO).lines()).contains(
                "| `CamelDemoCode` | producer | Integer | `DemoConstants.CODE` | The code.");
    }

    @Test
    void aCurrentDocIsLeftAsItIsAndAStaleOneIsRewrittenAndFails(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("demo.adoc");
        Files.writeString(doc, "= Demo\n\nProse.\n\n// options: START\n| old table\n// options: END\n\nMore prose.\n");

        assertThatThrownBy(() -> GeneratedSections.update(doc, "demo.json", Map.of("options", "| new table\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[options]").hasMessageContaining("commit");
        String regenerated = Files.readString(doc);
        assertThat(regenerated).startsWith("= Demo\n\nProse.\n\n// options: START\n// Generated from demo.json")
                .contains("\n| new table\n// options: END\n\nMore prose.\n").doesNotContain("old table");

        GeneratedSections.update(doc, "demo.json", Map.of("options", "| new table\n"));
        assertThat(Files.readString(doc)).isEqualTo(regenerated);
    }

    @Test
    void aDocWithoutTheMarkersFailsSayingWhereTheyGo(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("demo.adoc");
        Files.writeString(doc, "= Demo\n// headers: START\n");

        assertThatThrownBy(() -> GeneratedSections.update(doc, "demo.json", Map.of("headers", "x\n")))
                .hasMessageContaining("'// headers: START' line followed by one '// headers: END'");
    }

    @Test
    void theExceptionTablesOfAsciidocAndMarkdownAreRead(@TempDir Path dir) throws Exception {
        Path adoc = dir.resolve("demo.adoc");
        Files.writeString(adoc, """
                [cols="2,1,4",options="header"]
                |===
                | Name | Type | Description
                | `NotAnException` | String | A header.
                |===

                [cols="2,4",options="header"]
                |===
                | Exception | Meaning
                | `DemoTimeoutException` | No reply \\| late.
                | `GatewayAuthenticationException`, `GatewayTlsException` | Refused.
                |===
                """);
        Path markdown = dir.resolve("README.md");
        Files.writeString(markdown, """
                | Exception | What to do |
                |---|---|
                | `DemoNoSessionException` | Log in first. |

                | Module | What |
                |---|---|
                | `mqtt-request-reply` | The core. |
                """);

        assertThat(ExceptionTables.names(adoc))
                .containsExactly("DemoTimeoutException", "GatewayAuthenticationException", "GatewayTlsException");
        assertThat(ExceptionTables.names(markdown)).containsExactly("DemoNoSessionException");

        Path sections = dir.resolve("sections.md");
        Files.writeString(sections, """
                ## demo

                ```properties
                # not a heading
                ```

                ### Errors
                | Exception | What to do |
                |---|---|
                | `DemoException` | Retry. |

                ## other
                | Exception | What to do |
                |---|---|
                | `OtherException` | Retry. |
                """);
        assertThat(ExceptionTables.namesInSection(sections, "## demo")).containsExactly("DemoException");
        assertThat(ExceptionTables.namesInSection(sections, "## other")).containsExactly("OtherException");
    }

    @Test
    void sourceBlocksAreFoundInAsciidocAndMarkdownWithTheirLines(@TempDir Path dir) throws Exception {
        Path adoc = dir.resolve("demo.adoc");
        Files.writeString(adoc, "Intro\n\n[source,yaml]\n----\n- route:\n    from: x\n----\n\n[source,java]\n----\nx();\n----\n");
        Path markdown = dir.resolve("README.md");
        Files.writeString(markdown, "# T\n\n```\nplain output\n```\n\n```properties\na=b\n```\n");

        assertThat(DocBlocks.in(adoc, "yaml")).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(5);
            assertThat(b.text()).isEqualTo("- route:\n    from: x\n");
        });
        assertThat(DocBlocks.all(markdown)).singleElement().satisfies(b -> {
            assertThat(b.language()).isEqualTo("properties");
            assertThat(b.line()).isEqualTo(8);
            assertThat(b.text()).isEqualTo("a=b\n");
        });
    }

    @Test
    void theCoresPublicExceptionsAreFoundInItsCompiledClasses() throws Exception {
        assertThat(CompiledExceptions.publicIn(GatewayException.class, "io.github.camel.iotgateway.mqtt"))
                .containsKeys("GatewayException", "GatewayNotConnectedException", "GatewayTlsException",
                        "InvalidGatewayOptionException")
                .doesNotContainKey("GatewayConnection");
    }

    @Test
    void snippetEndpointsTheTestCannotRunAreStubbedAndTheCloudIsReplaced() throws Exception {
        SnippetRoutes routes = new SnippetRoutes(DEMO, Set.of("brokerUrl"));
        DocBlock snippet = new DocBlock(Path.of("demo.adoc"), 3, "yaml", "");

        assertThat(routes.rewrite(snippet, "kafka:offline?brokers=k:9092")).isEqualTo("stub:kafka:offline?brokers=k:9092");
        assertThat(routes.rewrite(snippet, "direct:in")).isEqualTo("direct:in");
        assertThat(routes.rewrite(snippet, "demo:login?brokerUrl=ssl://cloud:8883&batching=false"))
                .isEqualTo("demo:login?batching=false");
        assertThatThrownBy(() -> routes.rewrite(snippet, "demo:login?batchingg=false"))
                .hasMessageContaining("batchingg, which is no option of demo");
        assertThatThrownBy(() -> routes.rewrite(snippet, "demo:login?secret=RAW(s3cr3t)"))
                .hasMessageContaining("sets the secret secret on the endpoint").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void propertiesKeysAreCheckedAgainstTheComponentsOptions() throws Exception {
        DocBlock snippet = new DocBlock(Path.of("README.md"), 9, "properties", """
                camel.component.demo.brokerUrl={{env:BROKER}}
                # a comment
                camel.component.demo.auto-wired-enabled=false
                camel.component.demo.autowired-enabled=false
                camel.component.demo.batchinG=true
                camel.main.name=other
                """);

        assertThat(PropertiesSnippets.unknownKeys(snippet, DEMO))
                .containsExactly("camel.component.demo.auto-wired-enabled", "camel.component.demo.batchinG");
    }
}
