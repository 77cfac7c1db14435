package io.github.camel.iotgateway.alink;

import org.apache.camel.spi.Metadata;

/** Message headers of the alink-session component. */
public final class AlinkSessionConstants {

    @Metadata(label = "producer", description = "The operation to perform instead of the endpoint's: login, logout,"
                                                + " batchLogin or batchLogout.",
              javaType = "String")
    public static final String OPERATION = "CamelAlinkSessionOperation";

    @Metadata(label = "producer", description = "The result code of the platform's reply (200 on success). For a batch"
                                                + " sent in several messages, the code of the last reply.",
              javaType = "Integer")
    public static final String CODE = "CamelAlinkSessionCode";

    @Metadata(label = "producer", description = "The message of the platform's reply, e.g. success.",
              javaType = "String")
    public static final String MESSAGE = "CamelAlinkSessionMessage";

    @Metadata(label = "producer", description = "The Alink id of the request that carried this exchange's sub-device(s);"
                                                + " for a batch sent in several messages, the ids joined by commas.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelAlinkSessionRequestId";

    private AlinkSessionConstants() {
    }
}
