package io.github.camel.iotgateway.huawei;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The route a user writes in YAML, with the gateway set once on the component. */
class YamlRouteTest extends HuaweiIotTestSupport {

    /** The documentation's example, fed from direct: instead of a file. */
    private static final String ROUTE = """
            - route:
                from:
                  uri: "direct:retired"
                  steps:
                    - split:
                        tokenize:
                          token: "\\n"
                        parallelProcessing: true
                        steps:
                          - to:
                              uri: "huaweiiot:deleteSubDevice"
                          - log: "deleted ${body} (event_id ${header.CamelHuaweiIotEventId})"
            """;

    @Test
    void aYamlRouteDeletesTheChildrenNamedByTheLinesOfABodyInOneRequest() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("route.yaml", ROUTE));
        List<String> children = deviceIds("yaml", 3);
        registerChildren(children);

        Exchange done = template.send("direct:retired", e -> e.getMessage().setBody(String.join("\n", children)));

        assertThat(done.getException()).isNull();
        assertThat(platform.children()).isEmpty();
        // the parallel split hands the lines over together: the first finds the wire quiet and goes at once, the
        // others gather while it is on the wire (or go alone, should its reply be back before they come)
        assertThat(requestsPublished()).isBetween(1L, 3L);
    }
}
