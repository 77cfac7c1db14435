package io.github.camel.iotgateway.huawei;

import java.util.List;

import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import io.github.camel.iotgateway.mqtt.docs.PropertiesSnippets;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every YAML and properties snippet of huaweiiot-component.adoc, and of the README where it names huaweiiot,
 * taken from the files themselves: each YAML route loads through Camel's YAML routes loader and starts against the
 * embedded broker and platform simulator (endpoints of other components are stubbed, see SnippetRoutes), and each
 * properties key names an option of the component. What the routes do is YamlRouteTest's.
 */
class DocSnippetsTest extends HuaweiIotTestSupport {

    static List<DocBlock> yamlSnippets() {
        return HuaweiDocs.snippets("yaml");
    }

    static List<DocBlock> propertiesSnippets() {
        return HuaweiDocs.snippets("properties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlSnippets")
    void eachYamlSnippetLoadsAndItsRoutesStart(DocBlock snippet) throws Exception {
        List<String> routes = HuaweiDocs.snippetRoutes().add(context, snippet);

        assertThat(routes).allSatisfy(id -> assertThat(context.getRouteController().getRouteStatus(id))
                .as("route %s of %s", id, snippet).isEqualTo(ServiceStatus.Started));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propertiesSnippets")
    void eachPropertiesSnippetSetsOnlyOptionsOfTheComponent(DocBlock snippet) throws Exception {
        assertThat(PropertiesSnippets.unknownKeys(snippet, HuaweiDocs.metadata())).as("keys of %s", snippet).isEmpty();
    }

    @Test
    void theSnippetsAreFoundWhereTheDocsHaveThem() throws Exception {
        // the .adoc's and the README's; a renamed language or a broken fence would otherwise leave nothing to run
        assertThat(yamlSnippets()).extracting(b -> b.file().getFileName().toString()).contains("huaweiiot-component.adoc",
                "README.md");
        assertThat(propertiesSnippets()).extracting(b -> b.file().getFileName().toString())
                .contains("huaweiiot-component.adoc", "README.md");
    }
}
