package io.github.camel.iotgateway.mqtt.docs;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.apache.camel.util.URISupport;

/**
 * Adds the routes of a YAML snippet of the docs to a test's CamelContext through Camel's own routes loader, changed
 * only where the test cannot run them as written:
 * <ul>
 * <li>an endpoint of another component than the documented one (kafka:, file:, ...) becomes Camel's stub: of the same
 * URI (a queue in the JVM), so the snippet needs neither a Kafka nor a folder; direct:, mock: and log: stay;</li>
 * <li>on the documented component's endpoints, the options that name the real cloud (broker URL, gateway identity)
 * are dropped, so they take the test component's (the embedded broker and platform simulator).</li>
 * </ul>
 * Each option the snippet sets on the documented component must be one of its options per the metadata, and none may
 * be a secret: secrets belong on the component (camel.component.*), as Camel core logs raw endpoint URIs at TRACE.
 */
public final class SnippetRoutes {

    private static final Set<String> RUN_AS_WRITTEN = Set.of("direct", "mock", "log", "stub");

    private final ComponentMetadata metadata;
    private final Set<String> pointedAtTest;

    /**
     * @param pointedAtTest the options of the documented component that the test's component sets instead (those that
     *                      name the broker and the gateway)
     */
    public SnippetRoutes(ComponentMetadata metadata, Set<String> pointedAtTest) {
        this.metadata = metadata;
        this.pointedAtTest = pointedAtTest;
    }

    /** Loads {@code snippet} into {@code context} (started routes start at once); returns the ids of its routes. */
    public List<String> add(CamelContext context, DocBlock snippet) throws Exception {
        List<String> ids = new ArrayList<>();
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString(resourceName(snippet),
                        snippet.text()))) {
            RouteBuilder routes = (RouteBuilder) builder;
            // configure once, change the definitions, then add them the way the loader would
            for (RouteDefinition route : routes.configureRoutes(context).getRoutes()) {
                FromDefinition from = route.getInput();
                from.setUri(stubbedConsumer(rewrite(snippet, from.getEndpointUri())));
                for (SendDefinition<?> to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                        SendDefinition.class)) {
                    to.setUri(rewrite(snippet, to.getEndpointUri()));
                }
            }
            routes.addRoutesToCamelContext(context);
            routes.getRouteCollection().getRoutes().forEach(r -> ids.add(r.getRouteId()));
        }
        if (ids.isEmpty()) {
            throw new AssertionError(snippet + " holds no route");
        }
        return ids;
    }

    /** The loader picks by what follows the first dot: README.md line 86 is README-md-86.yaml. */
    private static String resourceName(DocBlock snippet) {
        return snippet.file().getFileName().toString().replace('.', '-') + "-" + snippet.line() + ".yaml";
    }

    /**
     * A stub: consumer (a seda one) sleeps its poll timeout, 1 s, while the context starts, and waits it out again at
     * stop: 10 ms keeps each snippet's test a second or two shorter. Producers of the same queue need not say it.
     */
    private static String stubbedConsumer(String uri) {
        if (!uri.startsWith("stub:")) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "pollTimeout=10";
    }

    String rewrite(DocBlock snippet, String uri) throws URISyntaxException {
        String scheme = StringHelper.before(uri, ":");
        if (metadata.scheme().equals(scheme)) {
            return pointAtTest(snippet, uri);
        }
        return RUN_AS_WRITTEN.contains(scheme) ? uri : "stub:" + uri;
    }

    private String pointAtTest(DocBlock snippet, String uri) throws URISyntaxException {
        String path = StringHelper.before(uri, "?", uri);
        String query = StringHelper.after(uri, "?");
        if (query == null) {
            return uri;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> option : URISupport.parseQuery(query, true).entrySet()) {
            String name = option.getKey();
            ComponentMetadata.Option known = metadata.endpointOptions().get(name);
            if (known == null) {
                throw new AssertionError(snippet + ": " + path + " sets " + name + ", which is no option of "
                                         + metadata.scheme() + " (" + metadata.resource() + ")");
            }
            if (known.secret()) {
                throw new AssertionError(snippet + ": " + path + " sets the secret " + name + " on the endpoint;"
                                         + " set it on the component (camel.component." + metadata.scheme() + "."
                                         + name + "), as Camel core logs raw endpoint URIs at TRACE");
            }
            if (!pointedAtTest.contains(name)) {
                kept.put(name, option.getValue());
            }
        }
        return kept.isEmpty() ? path : path + "?" + URISupport.createQueryString(kept);
    }
}
