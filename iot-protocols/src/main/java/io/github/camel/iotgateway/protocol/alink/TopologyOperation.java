package io.github.camel.iotgateway.protocol.alink;

import java.util.Locale;

/**
 * The gateway's topology requests on {@code /sys/{gwPK}/{gwDN}/thing/topo/{add|delete|get}} (docs/protocol-notes.md
 * A.4): attach sub-devices to the gateway (each entry signed), detach them, list them. A sub-device logs in only once
 * it is attached (6401 otherwise).
 */
public enum TopologyOperation {

    ADD("add", "thing.topo.add", "addTopology"),
    DELETE("delete", "thing.topo.delete", "deleteTopology"),
    GET("get", "thing.topo.get", "getTopology");

    private final String topicSuffix;
    private final String method;
    private final String endpointName;

    TopologyOperation(String topicSuffix, String method, String endpointName) {
        this.topicSuffix = topicSuffix;
        this.method = method;
        this.endpointName = endpointName;
    }

    /** The last topic segment, e.g. {@code add}. */
    public String topicSuffix() {
        return topicSuffix;
    }

    /** The {@code method} field the request carries, e.g. {@code thing.topo.add}. */
    public String method() {
        return method;
    }

    /** The name used in endpoint URIs, e.g. {@code addTopology}. */
    public String endpointName() {
        return endpointName;
    }

    /** The operation an endpoint name ({@code addTopology}, any case) names, or {@code null} when it is none. */
    public static TopologyOperation fromEndpointName(String name) {
        for (TopologyOperation op : values()) {
            if (op.endpointName.toLowerCase(Locale.ROOT).equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        return null;
    }
}
