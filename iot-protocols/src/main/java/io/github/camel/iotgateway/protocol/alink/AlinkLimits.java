package io.github.camel.iotgateway.protocol.alink;

/** Numbers the platform enforces on session messages (docs/protocol-notes.md A.3). */
public final class AlinkLimits {

    /** Sub-devices in one batch_login / batch_logout. */
    public static final int MAX_BATCH_SIZE = 50;

    /** Entries in one thing/topo/add (docs/protocol-notes.md A.4); topo/delete is held to the same. */
    public static final int MAX_TOPOLOGY_BATCH_SIZE = 30;

    /**
     * Sub-devices online at once under one gateway, as the given document states. Alibaba's current pages say 2,000:
     * configurable on the component.
     */
    public static final int DEFAULT_MAX_ONLINE_SUB_DEVICES = 1000;

    /** Session messages are accepted at QoS 0 only. */
    public static final int SESSION_QOS = 0;

    /** The largest message id: ids are decimal strings in 0..4294967295. */
    public static final long MAX_MESSAGE_ID = 4_294_967_295L;

    private AlinkLimits() {
    }

    /** Login and batch_login requests a gateway may send a second (the limits page: 200 queries a second). */
    public static final int MAX_LOGIN_REQUESTS_PER_SECOND = 200;

    /** Logins a sub-device may make in a minute before the platform answers 429. */
    public static final int MAX_LOGINS_PER_SUB_DEVICE_PER_MINUTE = 5;
}
