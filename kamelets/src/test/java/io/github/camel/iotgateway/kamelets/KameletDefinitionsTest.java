package io.github.camel.iotgateway.kamelets;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata;
import io.github.camel.iotgateway.simulator.CamelComponentProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kamelet is written as Apache's camel-kamelets catalog writes its own, so that catalogs, UIs and Camel JBang read
 * it: its name is its file's, its type label its name's suffix, every property has a title, a description and a type,
 * and what a kamelet hands to a component agrees with that component's metadata: the option exists with a matching
 * type, and every option the component holds secret is a {@code format: password} credential here.
 */
class KameletDefinitionsTest {

    static List<KameletFile> kamelets() {
        return KameletFile.NAMES.stream().map(KameletFile::of).toList();
    }

    /** The component a kamelet wraps, by the scheme of its name. */
    private static ComponentMetadata componentOf(KameletFile kamelet) throws IOException {
        return kamelet.fileName().startsWith("huaweiiot-")
                ? ComponentMetadata.of(HuaweiIotComponent.class, "huaweiiot")
                : ComponentMetadata.of(AlinkSessionComponent.class, "alink-session");
    }

    private static String artifactOf(KameletFile kamelet) {
        return kamelet.fileName().startsWith("huaweiiot-") ? "camel-huaweiiot" : "camel-alink-session";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void itIsAKameletNamedAsItsFileWithTheTypeItsNameEndsIn(KameletFile kamelet) {
        assertThat(kamelet.yaml()).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        String name = (String) kamelet.metadata().get("name");
        assertThat(kamelet.fileName()).isEqualTo(name + ".kamelet.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> labels = (Map<String, Object>) kamelet.metadata().get("labels");
        String type = (String) labels.get("camel.apache.org/kamelet.type");
        assertThat(type).isIn("sink", "source");
        assertThat(name).endsWith("-" + type);
        assertThat(kamelet.definition().get("title")).asString().isNotBlank();
        assertThat(kamelet.definition().get("description")).asString().hasSizeGreaterThan(80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void everyPropertyHasATitleADescriptionAndATypeAndTheTemplateUsesExactlyThem(KameletFile kamelet) {
        assertThat(kamelet.properties()).isNotEmpty().allSatisfy((name, property) -> {
            assertThat(property.get("title")).as("%s title", name).asString().isNotBlank();
            assertThat(property.get("description")).as("%s description", name).asString().isNotBlank();
            assertThat(property.get("type")).as("%s type", name).isIn("string", "integer", "boolean");
        });
        assertThat(kamelet.properties().keySet()).containsAll(kamelet.required());
        assertThat(kamelet.placeholders()).as("the template's placeholders")
                .containsExactlyInAnyOrderElementsOf(kamelet.properties().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void whatItHandsToTheComponentIsAnOptionOfItAndItsSecretsAreCredentials(KameletFile kamelet) throws Exception {
        ComponentMetadata component = componentOf(kamelet);
        Map<String, Object> parameters = kamelet.parametersOf(component.scheme() + ":");

        assertThat(parameters).isNotEmpty().allSatisfy((name, value) -> {
            ComponentMetadata.Option option = component.endpointOptions().get(name);
            assertThat(option).as("%s: an option of %s", name, component.scheme()).isNotNull();
            assertThat(value).as("%s passes the kamelet property of its name, optional (else the component's)", name)
                    .isEqualTo("{{?" + name + "}}");
            Map<String, Object> property = kamelet.properties().get(name);
            assertThat(property).as("kamelet property %s", name).isNotNull();
            assertThat(property.get("type")).as("%s type", name).isEqualTo(switch (option.javaType()) {
                case "int", "long", "java.lang.Integer", "java.lang.Long" -> "integer";
                case "boolean", "java.lang.Boolean" -> "boolean";
                default -> "string";
            });
            if (option.secret()) {
                assertThat(property).as("secret %s", name).containsEntry("format", "password")
                        .containsEntry("x-descriptors", List.of("urn:camel:group:credentials"));
            }
        });
        assertThat(kamelet.properties().values()).filteredOn(p -> "password".equals(p.get("format")))
                .allSatisfy(p -> assertThat(p).containsEntry("x-descriptors", List.of("urn:camel:group:credentials")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void aSinksOperationIsOneOfTheComponentsProducerOperations(KameletFile kamelet) throws Exception {
        if (!kamelet.fileName().endsWith("-sink.kamelet.yaml")) {
            return;
        }
        ComponentMetadata component = componentOf(kamelet);
        assertThat(kamelet.required()).contains("operation");
        assertThat(kamelet.templateText()).contains("uri: \"" + component.scheme() + ":{{operation}}\"");
        @SuppressWarnings("unchecked")
        List<String> operations = (List<String>) kamelet.properties().get("operation").get("enum");
        assertThat(operations).isNotEmpty().doesNotContain("events");
        assertThat(component.endpointOptions().get("operation").enums()).containsAll(operations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    void itNamesTheComponentOfThisBuildAsItsDependency(KameletFile kamelet) {
        Properties component = CamelComponentProperties.of(artifactOf(kamelet));
        String gav = component.getProperty("groupId") + ":" + component.getProperty("artifactId") + ":"
                     + component.getProperty("version");

        assertThat(kamelet.dependencies()).contains("camel:kamelet", "mvn:" + gav);
        @SuppressWarnings("unchecked")
        Map<String, Object> annotations = (Map<String, Object>) kamelet.metadata().get("annotations");
        assertThat(annotations).containsEntry("camel.apache.org/catalog.version", component.getProperty("version"));
    }
}
