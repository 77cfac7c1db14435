package io.github.camel.iotgateway.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a broker URL when an endpoint is created, so a wrong one fails there with a clear message instead of at
 * connect with the MQTT library's ("no NetworkModule installed for scheme mqtt").
 */
public final class BrokerUrls {

    /** What Paho v3 can connect to: plain TCP, TLS, WebSocket and WebSocket over TLS. */
    public static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    private BrokerUrls() {
    }

    /**
     * @param  scheme                        the component's scheme, for the fix in the message
     * @throws InvalidGatewayOptionException naming what is wrong and where to set the URL
     */
    public static String requireValid(String scheme, String brokerUrl) {
        String where = " Set it on the component (camel.component." + scheme + ".brokerUrl) or the endpoint URI"
                       + " (?brokerUrl=...), e.g. tcp://localhost:1883 or ssl://host:8883.";
        if (brokerUrl == null || brokerUrl.isBlank()) {
            throw new InvalidGatewayOptionException(scheme + " needs brokerUrl, which is not set." + where);
        }
        URI uri;
        try {
            uri = new URI(brokerUrl.trim());
        } catch (URISyntaxException e) {
            throw new InvalidGatewayOptionException("brokerUrl '" + brokerUrl + "' is not a URL: " + e.getMessage()
                                                    + "." + where, e);
        }
        String urlScheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (urlScheme == null || !SCHEMES.contains(urlScheme)) {
            throw new InvalidGatewayOptionException("brokerUrl '" + brokerUrl + "' has scheme " + urlScheme
                                                    + "; the MQTT client takes tcp, ssl, ws or wss." + where);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidGatewayOptionException("brokerUrl '" + brokerUrl + "' names no host." + where);
        }
        if (uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new InvalidGatewayOptionException("brokerUrl '" + brokerUrl + "' names no port (1 to 65535)." + where);
        }
        return brokerUrl;
    }

    /** Whether the URL asks for TLS (ssl:// or wss://). */
    public static boolean isTls(String brokerUrl) {
        String url = brokerUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("ssl://") || url.startsWith("wss://");
    }

    /**
     * @throws InvalidGatewayOptionException naming the option and where to set it
     */
    public static String requireSet(String scheme, String option, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidGatewayOptionException(scheme + " needs " + option + ", which is not set. Set it on the"
                                                    + " component (camel.component." + scheme + "." + option
                                                    + ") or the endpoint URI (?" + option + "=...).");
        }
        return value;
    }
}
