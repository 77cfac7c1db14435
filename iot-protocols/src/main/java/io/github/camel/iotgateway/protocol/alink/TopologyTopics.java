package io.github.camel.iotgateway.protocol.alink;

import io.github.camel.iotgateway.protocol.common.TopicSegments;

import java.util.Arrays;
import java.util.List;

/** The topology topics of one gateway: {@code /sys/{gwPK}/{gwDN}/thing/topo/{add|delete|get}} and their replies. */
public final class TopologyTopics {

    private final String prefix;

    public TopologyTopics(String gatewayProductKey, String gatewayDeviceName) {
        TopicSegments.requireSafe("gatewayProductKey", gatewayProductKey);
        TopicSegments.requireSafe("gatewayDeviceName", gatewayDeviceName);
        this.prefix = "/sys/" + gatewayProductKey + "/" + gatewayDeviceName + "/thing/topo/";
    }

    public String request(TopologyOperation operation) {
        return prefix + operation.topicSuffix();
    }

    public String reply(TopologyOperation operation) {
        return request(operation) + SessionTopics.REPLY_SUFFIX;
    }

    /** The three reply topics, which a generic MQTT client must subscribe itself (no platform auto-subscription). */
    public List<String> replies() {
        return Arrays.stream(TopologyOperation.values()).map(this::reply).toList();
    }

    /** The operation a reply topic of this gateway answers, or {@code null}. */
    public TopologyOperation operationOfReply(String topic) {
        for (TopologyOperation op : TopologyOperation.values()) {
            if (topic.equals(reply(op))) {
                return op;
            }
        }
        return null;
    }

    /** The operation a request topic of this gateway names, or {@code null}. */
    public TopologyOperation operationOfRequest(String topic) {
        for (TopologyOperation op : TopologyOperation.values()) {
            if (topic.equals(request(op))) {
                return op;
            }
        }
        return null;
    }
}
