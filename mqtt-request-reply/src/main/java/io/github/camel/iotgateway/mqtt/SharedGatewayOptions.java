package io.github.camel.iotgateway.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.camel.util.URISupport;

/**
 * The options of an endpoint that belong to its gateway rather than to the endpoint: every endpoint naming the gateway
 * shares one connection, one batcher and one online set, so they must agree on them. The first endpoint to start
 * fixes them; a later one that disagrees fails at start, naming the option, both values and the fix. Secret values are
 * compared but never shown.
 */
public final class SharedGatewayOptions {

    private final String scheme;
    private final String endpointUri;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> secrets;

    /**
     * @param scheme      the component's scheme, for the fix ({@code camel.component.<scheme>.<option>})
     * @param endpointUri the endpoint these options were read from (shown sanitized)
     * @param secrets     names of the options whose values must never be shown
     */
    public SharedGatewayOptions(String scheme, String endpointUri, Set<String> secrets) {
        this.scheme = scheme;
        this.endpointUri = URISupport.sanitizeUri(endpointUri);
        this.secrets = Set.copyOf(secrets);
    }

    /** The gateway-wide options every cloud's connection has; a component adds its own with {@link #with}. */
    public static SharedGatewayOptions ofConnection(String scheme, String endpointUri, GatewayEndpointOptions endpoint,
                                                    String secretOption) {
        return new SharedGatewayOptions(scheme, endpointUri, Set.of(secretOption, "userName", "password"))
                .with("userName", endpoint.getUserName())
                .with("password", endpoint.getPassword())
                .with("clientId", endpoint.getClientId())
                .with("sslContextParameters", endpoint.getSslContextParameters())
                .with("trustedCertificates", endpoint.getTrustedCertificates())
                .with("keepAliveInterval", endpoint.getKeepAliveInterval())
                .with("connectionTimeout", endpoint.getConnectionTimeout())
                .with("maxInflight", endpoint.getMaxInflight())
                .with("maxReconnectDelay", endpoint.getMaxReconnectDelay())
                .with("replyThreads", endpoint.getReplyThreads())
                .with("mqttClientFactory", endpoint.getMqttClientFactory())
                .with("clustered", endpoint.isClustered())
                .with("clusterService", endpoint.getClusterService())
                .with("clusterNamespace", endpoint.getClusterNamespace());
    }

    public SharedGatewayOptions with(String option, Object value) {
        values.put(option, value);
        return this;
    }

    /**
     * @throws InvalidGatewayOptionException naming the first option on which {@code later} disagrees with these
     */
    void requireAgreement(SharedGatewayOptions later, String gateway) {
        for (Map.Entry<String, Object> option : values.entrySet()) {
            String name = option.getKey();
            Object mine = option.getValue();
            Object theirs = later.values.get(name);
            if (!Objects.equals(mine, theirs)) {
                String values = secrets.contains(name)
                        ? "different values (not shown: it is a secret)"
                        : theirs + " but the gateway already runs with " + mine;
                throw new InvalidGatewayOptionException("Endpoint " + later.endpointUri + " sets the gateway-wide option "
                                                        + name + " of gateway " + gateway + " to " + values
                                                        + " (set by " + endpointUri + "). Every endpoint of a gateway"
                                                        + " shares it: set it once on the component (camel.component."
                                                        + scheme + "." + name + ") and not on the endpoint URIs.");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SharedGatewayOptions[");
        values.forEach((name, value) -> text.append(name).append('=')
                .append(secrets.contains(name) ? (value == null ? "none" : "***") : value).append(", "));
        return text.append("endpoint=").append(endpointUri).append(']').toString();
    }
}
