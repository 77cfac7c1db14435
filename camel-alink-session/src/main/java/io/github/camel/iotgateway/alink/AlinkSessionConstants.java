package io.github.camel.iotgateway.alink;

import org.apache.camel.spi.Metadata;

/** Message headers of the alink-session component. */
public final class AlinkSessionConstants {

    @Metadata(label = "producer", description = "The operation to perform instead of the endpoint's: login, logout,"
                                                + " batchLogin or batchLogout on a session endpoint; addTopology,"
                                                + " deleteTopology or getTopology on a topology endpoint.",
              javaType = "String")
    public static final String OPERATION = "CamelAlinkSessionOperation";

    @Metadata(description = "The result code of the platform's reply (200 on success); for a batch sent in several"
                            + " messages, the code of the last reply. On an event of alink-session:events, the code the"
                            + " platform pushed on /ext/error (e.g. 521 deleted).",
              javaType = "Integer")
    public static final String CODE = "CamelAlinkSessionCode";

    @Metadata(description = "The message of the platform's reply (e.g. success), or of its pushed error.",
              javaType = "String")
    public static final String MESSAGE = "CamelAlinkSessionMessage";

    @Metadata(label = "producer", description = "The Alink id of the request that carried this exchange's sub-device(s);"
                                                + " for a batch sent in several messages, the ids joined by commas.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelAlinkSessionRequestId";

    @Metadata(label = "consumer", description = "What the platform told the gateway (alink-session:events):"
                                                + " FORCED_OFFLINE, SESSION_ERROR, ERROR, TOPOLOGY_CREATED,"
                                                + " TOPOLOGY_DELETED, TOPOLOGY_ENABLED, TOPOLOGY_DISABLED or"
                                                + " TOPOLOGY_CHANGED. The body is the List of sub-devices it concerns.",
              javaType = "String")
    public static final String EVENT_KIND = "CamelAlinkSessionEventKind";

    @Metadata(label = "consumer", description = "The status of a topology change: 0 created, 1 deleted, 2 re-enabled,"
                                                + " 8 disabled.",
              javaType = "Integer")
    public static final String TOPOLOGY_STATUS = "CamelAlinkSessionTopologyStatus";

    @Metadata(label = "consumer", description = "The id of the platform's pushed message.", javaType = "String")
    public static final String EVENT_ID = "CamelAlinkSessionEventId";

    private AlinkSessionConstants() {
    }
}
