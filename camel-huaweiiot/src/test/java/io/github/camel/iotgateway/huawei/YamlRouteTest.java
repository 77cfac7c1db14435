package io.github.camel.iotgateway.huawei;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML route of huaweiiot-component.adoc, read from it, does what the docs say, with the gateway set once on the
 * component (as the docs' application.properties does). Its file: endpoint is Camel's stub: of the same URI, so the
 * test sends into the stub what the file would hold instead of writing a folder.
 */
class YamlRouteTest extends HuaweiIotTestSupport {

    @Test
    void theDocsRouteDeletesTheChildrenNamedByTheLinesOfAFileInOneRequest() throws Exception {
        HuaweiDocs.snippetRoutes().add(context, HuaweiDocs.adocYamlFrom("file:inbox/retired"));
        List<String> children = deviceIds("yaml", 3);
        registerChildren(children);

        Exchange done = template.send("stub:file:inbox/retired", ExchangePattern.InOut,
                e -> e.getMessage().setBody(String.join("\n", children)));

        assertThat(done.getException()).isNull();
        assertThat(platform.children()).isEmpty();
        // the parallel split hands the lines over together: the first finds the wire quiet and goes at once, the
        // others gather while it is on the wire (or go alone, should its reply be back before they come)
        assertThat(requestsPublished()).isBetween(1L, 3L);
    }
}
