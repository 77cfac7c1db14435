package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Breaks a real reply in one of the {@link Malformation} ways, for each cloud's wire format. The broken bytes keep the
 * real reply's id where they can, so a client that reads leniently is tempted to match them.
 */
final class MalformedReplies {

    /** Alink: id as an object, code as text that is no number, id as an array, a 520 whose data is no device list. */
    static final int ALINK_WRONG_TYPE_SHAPES = 4;
    /**
     * IoTDA: event_id as an object, services not an array, the response lists of the wrong type, the message a JSON
     * array.
     */
    static final int IOTDA_WRONG_TYPE_SHAPES = 4;

    private static final String PADDING = "x".repeat(Malformation.HUGE_BYTES);

    private MalformedReplies() {
    }

    /** @param real the reply that would have gone out, {@code {"id":..., "code":..., ...}} */
    static byte[] alink(Malformation how, int variant, String id, byte[] real) {
        String quotedId = quote(id);
        return switch (how) {
            case NOT_JSON -> bytes("{\"id\":" + quotedId + ",\"code\":200,\"message\":\"succ");
            case WRONG_TYPES -> bytes(switch (variant % ALINK_WRONG_TYPE_SHAPES) {
                case 0 -> "{\"id\":{\"value\":" + quotedId + "},\"code\":200,\"message\":\"success\"}";
                case 1 -> "{\"id\":" + quotedId + ",\"code\":\"abc\",\"message\":\"success\"}";
                case 2 -> "{\"id\":[" + quotedId + "],\"code\":200,\"message\":\"success\"}";
                // right id and a refusal, but data that names no sub-device: the client cannot tell who failed
                default -> "{\"id\":" + quotedId + ",\"code\":520,\"message\":{\"text\":\"device no session\"},"
                           + "\"data\":\"oops\"}";
            });
            case HUGE -> padded(real);
        };
    }

    /**
     * @param real         the response that would have gone out, {@code {"object_device_id":..., "services":[...]}}
     * @param responseType the wire name of the response's event_type
     */
    static byte[] iotda(Malformation how, int variant, String gatewayId, String responseType, String eventId,
            byte[] real) {
        String head = "{\"object_device_id\":" + quote(gatewayId) + ",\"services\":";
        String service = "\"service_id\":\"$sub_device_manager\",\"event_type\":" + quote(responseType);
        return switch (how) {
            case NOT_JSON -> bytes(head + "[{" + service + ",\"event_id\":" + quote(eventId));
            case WRONG_TYPES -> bytes(switch (variant % IOTDA_WRONG_TYPE_SHAPES) {
                case 0 -> head + "[{" + service + ",\"event_id\":{\"id\":" + quote(eventId) + "},\"paras\":{}}]}";
                case 1 -> head + "{" + service + ",\"event_id\":" + quote(eventId) + ",\"paras\":{}}}";
                case 2 -> head + "[{" + service + ",\"event_id\":" + quote(eventId)
                          + ",\"paras\":{\"successful_devices\":\"all\",\"failed_devices\":7}}]}";
                default -> "[" + quote(eventId) + ",200]";
            });
            case HUGE -> padded(real);
        };
    }

    /** The real JSON object with a field of {@link Malformation#HUGE_BYTES} characters added at its end. */
    private static byte[] padded(byte[] real) {
        String json = new String(real, StandardCharsets.UTF_8);
        int end = json.lastIndexOf('}');
        return bytes(json.substring(0, end) + ",\"padding\":\"" + PADDING + "\"}");
    }

    /** A JSON string literal: the id is whatever the client sent, quotes and all. */
    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
