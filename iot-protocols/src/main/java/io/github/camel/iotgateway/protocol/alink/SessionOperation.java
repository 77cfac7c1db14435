package io.github.camel.iotgateway.protocol.alink;

import java.util.Locale;

/** The four sub-device session operations of {@code /ext/session/{gwPK}/{gwDN}/combine/...}. */
public enum SessionOperation {

    LOGIN("login", false),
    LOGOUT("logout", false),
    BATCH_LOGIN("batch_login", true),
    BATCH_LOGOUT("batch_logout", true);

    private final String topicSuffix;
    private final boolean batch;

    SessionOperation(String topicSuffix, boolean batch) {
        this.topicSuffix = topicSuffix;
        this.batch = batch;
    }

    /** The last topic segment, e.g. {@code batch_logout}. */
    public String topicSuffix() {
        return topicSuffix;
    }

    public boolean isBatch() {
        return batch;
    }

    public boolean isLogin() {
        return this == LOGIN || this == BATCH_LOGIN;
    }

    /** The batch operation that carries many of this operation's sub-devices. */
    public SessionOperation asBatch() {
        return isLogin() ? BATCH_LOGIN : BATCH_LOGOUT;
    }

    /** The single-device form of this operation. */
    public SessionOperation asSingle() {
        return isLogin() ? LOGIN : LOGOUT;
    }

    /** Accepts the endpoint names ({@code batchLogout}) and the topic names ({@code batch_logout}), any case. */
    public static SessionOperation fromName(String name) {
        String normalized = name == null ? "" : name.replace("_", "").toLowerCase(Locale.ROOT);
        for (SessionOperation op : values()) {
            if (op.topicSuffix.replace("_", "").equals(normalized)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown alink-session operation '" + name + "': use login, logout, batchLogin or batchLogout"
                + " (sessions), addTopology, deleteTopology or getTopology (topology), or events (consumer)");
    }

    /** The name used in endpoint URIs, e.g. {@code batchLogout}. */
    public String endpointName() {
        return isBatch() ? "batch" + (isLogin() ? "Login" : "Logout") : topicSuffix;
    }
}
