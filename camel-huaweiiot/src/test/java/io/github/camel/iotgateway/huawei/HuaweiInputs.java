package io.github.camel.iotgateway.huawei;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of what a route may hand huaweiiot: device_ids, devices to add and statuses, well-formed or not, alone or
 * in lists of 0 to 130 (with repeats and nulls), as objects, maps with fields of the wrong type, JSON text good and
 * bad, or no device at all, with ids that are empty, blank, huge, unicode, topic wildcards or NUL.
 */
final class HuaweiInputs {

    static final String PRODUCT_ID = HuaweiIotTestSupport.PRODUCT_ID;
    /** Children registered on the platform before the run. */
    static final List<String> CHILDREN = List.of(PRODUCT_ID + "_gen-01", PRODUCT_ID + "_gen-02",
            PRODUCT_ID + "_gen-03", PRODUCT_ID + "_gen-04", PRODUCT_ID + "_gen-05", PRODUCT_ID + "_gen-06");

    /** One exchange: the endpoint's operation, the operation header (null: none) and the body. */
    record Input(String endpointOperation, String operationHeader, Object body) {
        @Override
        public String toString() {
            return "huaweiiot:" + endpointOperation + " header=" + operationHeader + " body=" + describe(body);
        }
    }

    private HuaweiInputs() {
    }

    static Arbitrary<Input> inputs() {
        List<String> operations = List.of("deleteSubDevice", "addSubDevice", "updateSubDeviceStatus");
        Arbitrary<String> headers = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.of(operations)));
        return Arbitraries.of(operations).flatMap(endpoint -> headers.flatMap(header -> {
            String effective = header == null ? endpoint : header;
            return bodiesFor(effective).map(body -> new Input(endpoint, header, body));
        }));
    }

    /** Operation names huaweiiot cannot send, of every sort. */
    static Arbitrary<Object> unknownOperations() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.<Object>of("", " ", "events", "deletesubdevice", "delete_sub_device",
                        "removeSubDevice", "addSubDevice\0", "删除", "#", "+/")),
                Tuple.of(2, weirdText().map(t -> (Object) t)),
                Tuple.of(1, Arbitraries.<Object>of(42, true, List.of("addSubDevice"), Map.of("op", "delete"))));
    }

    static Arbitrary<Object> bodiesFor(String operation) {
        Arbitrary<Object> entry = switch (operation) {
            case "deleteSubDevice" -> deviceIds().map(id -> (Object) id);
            case "addSubDevice" -> devicesToAdd();
            default -> statuses();
        };
        Arbitrary<Object> validEntry = switch (operation) {
            case "deleteSubDevice" -> validDeviceIds().map(id -> (Object) id);
            case "addSubDevice" -> validDevicesToAdd();
            default -> validStatuses();
        };
        Arbitrary<Object> listEntry = Arbitraries.frequencyOf(Tuple.of(30, validEntry), Tuple.of(2, entry),
                Tuple.of(1, oddBodies()));
        Arbitrary<List<Object>> lists = Arbitraries.frequencyOf(
                Tuple.of(6, listEntry.injectNull(0.005).list().ofMinSize(0).ofMaxSize(60)),
                Tuple.of(1, listEntry.list().ofMinSize(51).ofMaxSize(130)),
                // few distinct entries, so repeats are likely
                Tuple.of(2, validEntry.list().ofMinSize(2).ofMaxSize(5).map(l -> {
                    List<Object> repeated = new ArrayList<>(l);
                    repeated.add(l.get(0));
                    return repeated;
                })));
        return Arbitraries.frequencyOf(
                Tuple.of(5, validEntry),
                Tuple.of(4, entry),
                Tuple.of(1, entry.map(e -> (Object) json(e))),
                Tuple.of(1, entry.map(e -> (Object) json(e).getBytes(StandardCharsets.UTF_8))),
                Tuple.of(4, lists.map(l -> (Object) new ArrayList<>(l))),
                Tuple.of(1, lists.map(l -> (Object) json(l))),
                Tuple.of(1, lists.map(l -> (Object) l.toArray())),
                Tuple.of(2, oddBodies()));
    }

    static Arbitrary<String> validDeviceIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(CHILDREN)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().withChars("_-").ofMinLength(1).ofMaxLength(64)
                        .map(s -> PRODUCT_ID + "_" + s)));
    }

    static Arbitrary<String> deviceIds() {
        return Arbitraries.frequencyOf(Tuple.of(3, validDeviceIds()), Tuple.of(2, weirdText()),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    static Arbitrary<Object> validDevicesToAdd() {
        return Combinators.combine(Arbitraries.strings().alpha().numeric().withChars("-_:").ofMinLength(1)
                        .ofMaxLength(64), extensionInfos(false))
                .as((node, extension) -> (Object) new DeviceInfo(node, PRODUCT_ID, null, "n-" + node, null, extension,
                        null));
    }

    /** Devices to add as records and maps, any field missing, empty, odd or of the wrong type. */
    static Arbitrary<Object> devicesToAdd() {
        Arbitrary<String> anyText = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().alpha().numeric()
                .ofMinLength(1).ofMaxLength(20)), Tuple.of(2, weirdText()), Tuple.of(1, Arbitraries.just((String) null)));
        Arbitrary<Object> records = Combinators.combine(anyText, anyText, anyText, extensionInfos(true))
                .as((node, product, deviceId, extension) -> (Object) new DeviceInfo(node, product, deviceId, null, null,
                        extension, null));
        return Arbitraries.frequencyOf(Tuple.of(3, records), Tuple.of(2, deviceMaps("node_id", "product_id")));
    }

    /**
     * extension_info objects: for valid devices under the platform's 1024 bytes; otherwise also around and over it,
     * and values that are no object.
     */
    static Arbitrary<JsonNode> extensionInfos(boolean odd) {
        Arbitrary<JsonNode> objects = Arbitraries.integers().between(0, odd ? 1100 : 900)
                .map(n -> IotdaJson.mapper().createObjectNode().put("blob", "y".repeat(n)));
        if (!odd) {
            return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((JsonNode) null)), Tuple.of(1, objects));
        }
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just((JsonNode) null)), Tuple.of(2, objects),
                Tuple.of(1, extensionInfosThatAreNoObject()));
    }

    /** extension_info values the platform refuses: text, number, array, boolean. */
    static Arbitrary<JsonNode> extensionInfosThatAreNoObject() {
        return Arbitraries.of("\"text\"", "42", "[1,2]", "true", "\"{\\\"k\\\":1}\"").map(HuaweiInputs::tree);
    }

    static Arbitrary<Object> validStatuses() {
        return Combinators.combine(validDeviceIds(), Arbitraries.of(DeviceStatus.ONLINE, DeviceStatus.OFFLINE))
                .as((id, status) -> (Object) new DeviceStatus(id, status));
    }

    static Arbitrary<Object> statuses() {
        Arbitrary<String> status = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("ONLINE", "OFFLINE")),
                Tuple.of(1, Arbitraries.of("online", "", " ONLINE", "ASLEEP", "INACTIVE")),
                Tuple.of(1, Arbitraries.just(null)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(deviceIds(), status).as((id, s) -> (Object) new DeviceStatus(id, s))),
                Tuple.of(2, deviceMaps("device_id", "status")));
    }

    /** Names nobody should accept as ids, and some a platform might: empty, huge, unicode, topic characters, NUL. */
    static Arbitrary<String> weirdText() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", " ", "\t", "dev/ice", "dev+ice", "dev#ice", "#", "+", "a/+/#",
                        "dev\0ice", "\0", " dev-01", "设备-0001", "dévice", "dev\u202Eice", "dev\uD83D\uDE00ice",
                        "dev\nice", "null", "{\"x\":1}", "[\"a\"]")),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.integers().between(65, 100_000).map("x"::repeat)));
    }

    /** Maps with the two fields of an entry, each maybe missing or of the wrong type, plus a field nobody knows. */
    static Arbitrary<Object> deviceMaps(String first, String second) {
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(CHILDREN.get(0), PRODUCT_ID, "ONLINE", "OFFLINE", "n-1").map(v -> (Object) v)),
                Tuple.of(1, weirdText().map(v -> (Object) v)),
                Tuple.of(1, Arbitraries.<Object>of(42, true, 1.5, List.of("a"), Map.of("k", "v"))),
                Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(value, value, value, Arbitraries.integers().between(0, 3)).as((a, b, extra, shape) -> {
            Map<String, Object> map = new HashMap<>();
            if (shape != 1) {
                map.put(first, a);
            }
            if (shape != 2) {
                map.put(second, b);
            }
            if (shape == 3) {
                map.put("extension_info", extra);
            }
            return map;
        });
    }

    /** Bodies that are no device at all. */
    static Arbitrary<Object> oddBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.<Object>of("", "   ", "{not json", "[]", "{}", "null", "[1,2]", "[null]",
                        "{\"node_id\":", "\0", "[{}]", "42")),
                Tuple.of(2, Arbitraries.<Object>of(42, -1L, 3.14, true, 'c', new byte[0], new byte[] {(byte) 0xFF, 0, 1},
                        new StringBuilder("gen-01"), new int[] {1})),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.ofSuppliers(Object::new)));
    }

    private static JsonNode tree(String json) {
        try {
            return IotdaJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value as JSON text; a value Jackson cannot write (a bare Object) as the text of its toString. */
    private static String json(Object value) {
        try {
            return IotdaJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }

    /** Bodies in failure reports: short, and NUL visible. */
    static String describe(Object body) {
        if (body == null) {
            return "null";
        }
        String text = body instanceof byte[] bytes ? "byte[" + bytes.length + "]"
                : body instanceof Object[] array ? "Object[" + array.length + "]" + Arrays.asList(array)
                : body.getClass().getSimpleName() + ":" + body;
        text = text.replace("\0", "\\0");
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
