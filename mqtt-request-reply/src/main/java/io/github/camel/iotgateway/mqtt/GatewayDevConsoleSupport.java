package io.github.camel.iotgateway.mqtt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * A gateway component's dev console: per gateway of every component of its type in the CamelContext, its state
 * (connected, taken over), its requests on the wire, its last error and its figures ({@link GatewayFigures}), and what
 * the component adds (the sub-devices it holds online). Text and JSON.
 *
 * @param <C> the component's per-gateway client
 */
public abstract class GatewayDevConsoleSupport<C extends GatewayClientSupport> extends AbstractDevConsole {

    private final Class<? extends GatewayComponentSupport<C>> componentType;

    protected GatewayDevConsoleSupport(String id, String displayName, String description,
                                       Class<? extends GatewayComponentSupport<C>> componentType) {
        super("camel", id, displayName, description);
        this.componentType = componentType;
    }

    /** What the component adds to a gateway's figures, e.g. its online sub-devices. */
    protected abstract void describe(C client, Map<String, Object> figures);

    /** The started gateways of every component of this console's type, without creating a component. */
    protected List<C> gateways() {
        List<C> clients = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (componentType.isInstance(component)) {
                clients.addAll(componentType.cast(component).gatewayClients());
            }
        }
        return clients;
    }

    private List<Map<String, Object>> figures() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (C client : gateways()) {
            Map<String, Object> figures = GatewayFigures.of(client.connection());
            describe(client, figures);
            all.add(figures);
        }
        return all;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> figures : figures()) {
            text.append(String.format("Gateway: %s (%s)%n", figures.get("gateway"), state(figures)));
            for (Map.Entry<String, Object> figure : figures.entrySet()) {
                if (figure.getKey().equals("gateway")) {
                    continue;
                }
                text.append(String.format("    %s: %s%n", label(figure.getKey()), textOf(figure.getKey(), figure.getValue())));
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<JsonObject> gateways = new ArrayList<>();
        for (Map<String, Object> figures : figures()) {
            JsonObject gateway = new JsonObject();
            figures.forEach((key, value) -> gateway.put(key, value instanceof Map<?, ?> map ? new JsonObject(
                    castMap(map)) : value));
            gateways.add(gateway);
        }
        JsonObject root = new JsonObject();
        root.put("gateways", gateways);
        return root;
    }

    private static String state(Map<String, Object> figures) {
        if (Boolean.TRUE.equals(figures.get("takenOver"))) {
            return "taken over";
        }
        return Boolean.TRUE.equals(figures.get("connected")) ? "connected" : "reconnecting";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Object textOf(String key, Object value) {
        if ("lastError".equals(key) && value instanceof Map<?, ?> error) {
            return error.get("type") + ": " + error.get("message") + " at "
                   + Instant.ofEpochMilli((Long) error.get("at"));
        }
        return value;
    }

    /** "pendingRequests" reads "Pending requests". */
    private static String label(String key) {
        StringBuilder label = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                label.append(' ').append(Character.toLowerCase(c));
            } else {
                label.append(label.length() == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return label.toString();
    }
}
