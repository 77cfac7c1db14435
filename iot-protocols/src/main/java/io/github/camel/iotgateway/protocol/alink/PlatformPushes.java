package io.github.camel.iotgateway.protocol.alink;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camel.iotgateway.protocol.common.TopicSegments;

/**
 * The topics on which the platform talks to a gateway first, and their payloads (docs/protocol-notes.md A.3.6, A.4):
 * {@code /ext/error/{pk}/{dn}} ({@code {"id","code","message","data":{"productKey","deviceName"}}}) and
 * {@code /sys/{pk}/{dn}/thing/topo/change} ({@code {"id","params":{"status","subList":[...]}}}), answered on
 * {@code …/topo/change_reply}.
 */
public final class PlatformPushes {

    private final String error;
    private final String topologyChange;

    public PlatformPushes(String gatewayProductKey, String gatewayDeviceName) {
        TopicSegments.requireSafe("gatewayProductKey", gatewayProductKey);
        TopicSegments.requireSafe("gatewayDeviceName", gatewayDeviceName);
        this.error = "/ext/error/" + gatewayProductKey + "/" + gatewayDeviceName;
        this.topologyChange = "/sys/" + gatewayProductKey + "/" + gatewayDeviceName + "/thing/topo/change";
    }

    public String error() {
        return error;
    }

    public String topologyChange() {
        return topologyChange;
    }

    public String topologyChangeReply() {
        return topologyChange + SessionTopics.REPLY_SUFFIX;
    }

    /** The topics to subscribe (a generic MQTT client is not auto-subscribed, A.2). */
    public List<String> subscriptions() {
        return List.of(error, topologyChange);
    }

    /**
     * Reads a push on one of this gateway's push topics.
     *
     * @throws AlinkJson.MalformedMessageException when it is not one
     */
    public PlatformEvent read(String topic, byte[] payload) {
        JsonNode root = AlinkJson.readTree(payload);
        String id = root.path("id").isValueNode() ? root.path("id").asText() : null;
        if (topic.equals(error)) {
            JsonNode code = root.get("code");
            if (code == null || !code.canConvertToInt()) {
                throw new AlinkJson.MalformedMessageException("an /ext/error push without a numeric code");
            }
            List<SubDeviceId> devices = AlinkJson.subDevicesIn(root.get("data"));
            return new PlatformEvent(PlatformEvent.Kind.ofErrorCode(code.asInt()), devices, code.asInt(),
                    root.path("message").asText(null), null, id);
        }
        if (topic.equals(topologyChange)) {
            JsonNode params = root.path("params");
            JsonNode status = params.get("status");
            if (status == null || !status.canConvertToInt()) {
                throw new AlinkJson.MalformedMessageException("a topo/change push without a numeric status");
            }
            return new PlatformEvent(PlatformEvent.Kind.ofTopologyStatus(status.asInt()),
                    AlinkJson.subDevicesIn(params.get("subList")), null, null, status.asInt(), id);
        }
        throw new AlinkJson.MalformedMessageException("not a push topic of this gateway: " + topic);
    }

    /** The gateway's answer to a topology change. */
    public static byte[] topologyChangeReply(String id) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("code", AlinkCodes.SUCCESS);
        root.set("data", JsonNodeFactory.instance.objectNode());
        root.put("message", "success");
        return AlinkJson.bytes(root);
    }

    /** A push of {@code /ext/error}, as the platform sends it (for the simulator). */
    public static byte[] error(String id, int code, String message, SubDeviceId device) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("code", code);
        root.put("message", message);
        ObjectNode data = root.putObject("data");
        data.put("productKey", device.productKey());
        data.put("deviceName", device.deviceName());
        return AlinkJson.bytes(root);
    }

    /** A push of {@code thing/topo/change}, as the platform sends it (for the simulator). */
    public static byte[] topologyChange(String id, int status, List<SubDeviceId> devices) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", id);
        root.put("version", "1.0");
        root.put("method", "thing.topo.change");
        ObjectNode params = root.putObject("params");
        params.put("status", status);
        var list = params.putArray("subList");
        devices.forEach(d -> list.addObject().put("productKey", d.productKey()).put("deviceName", d.deviceName()));
        return AlinkJson.bytes(root);
    }
}
