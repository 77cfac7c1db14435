package io.github.camel.iotgateway.protocol.alink;

import io.github.camel.iotgateway.protocol.common.TopicSegments;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The session topics of one gateway. All use the gateway's productKey/deviceName; the sub-device's identity travels
 * in {@code params}.
 */
public final class SessionTopics {

    public static final String REPLY_SUFFIX = "_reply";

    private final Map<SessionOperation, String> requestTopics = new EnumMap<>(SessionOperation.class);

    public SessionTopics(String gatewayProductKey, String gatewayDeviceName) {
        TopicSegments.requireSafe("gatewayProductKey", gatewayProductKey);
        TopicSegments.requireSafe("gatewayDeviceName", gatewayDeviceName);
        for (SessionOperation op : SessionOperation.values()) {
            requestTopics.put(op,
                    "/ext/session/" + gatewayProductKey + "/" + gatewayDeviceName + "/combine/" + op.topicSuffix());
        }
    }

    public String request(SessionOperation operation) {
        return requestTopics.get(operation);
    }

    public String reply(SessionOperation operation) {
        return requestTopics.get(operation) + REPLY_SUFFIX;
    }

    /** The four reply topics, which a generic MQTT client must subscribe itself (no platform auto-subscription). */
    public List<String> replies() {
        return requestTopics.keySet().stream().map(this::reply).toList();
    }

    /** The operation a topic of this gateway belongs to, or {@code null} if it is none of ours. */
    public SessionOperation operationOfReply(String topic) {
        for (Map.Entry<SessionOperation, String> e : requestTopics.entrySet()) {
            if (topic.equals(e.getValue() + REPLY_SUFFIX)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The operation a request topic of this gateway names, or {@code null}. */
    public SessionOperation operationOfRequest(String topic) {
        for (Map.Entry<SessionOperation, String> e : requestTopics.entrySet()) {
            if (topic.equals(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }
}
