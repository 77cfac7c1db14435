package io.github.camel.iotgateway.kamelets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.StringHelper;

/**
 * Adds the routes of a YAML snippet of the README to a test's CamelContext through Camel's own routes loader, the
 * kamelets as written and every endpoint of another component (kafka:, ...) as Camel's stub: of the same URI (a queue
 * in the JVM), so the test sends in and takes out what Kafka would.
 */
final class StubbedSnippetRoutes {

    private static final Set<String> RUN_AS_WRITTEN = Set.of("kamelet", "direct", "mock", "log", "stub");

    private StubbedSnippetRoutes() {
    }

    /** Loads {@code snippet} into {@code context}; returns the ids of its routes. */
    static List<String> add(CamelContext context, DocBlock snippet) throws Exception {
        List<String> ids = new ArrayList<>();
        String name = snippet.file().getFileName().toString().replace('.', '-') + "-" + snippet.line() + ".yaml";
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString(name, snippet.text()))) {
            RouteBuilder routes = (RouteBuilder) builder;
            for (RouteDefinition route : routes.configureRoutes(context).getRoutes()) {
                FromDefinition from = route.getInput();
                from.setUri(stubbed(from.getEndpointUri()));
                for (SendDefinition<?> to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                        SendDefinition.class)) {
                    to.setUri(stubbed(to.getEndpointUri()));
                }
            }
            routes.addRoutesToCamelContext(context);
            routes.getRouteCollection().getRoutes().forEach(r -> ids.add(r.getRouteId()));
        }
        return ids;
    }

    private static String stubbed(String uri) {
        return RUN_AS_WRITTEN.contains(StringHelper.before(uri, ":")) ? uri : "stub:" + uri;
    }
}
