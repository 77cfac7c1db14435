package io.github.camel.iotgateway.huawei;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventType;

/**
 * One child-device operation of the {@code $sub_device_manager} service: how a body item becomes a request entry (and
 * is checked), what the request's paras are, and what the response says about each device. The request/reply
 * mechanics are the gateway client's; this knows the payloads only.
 *
 * @param <E> a request entry: a device_id, a {@code DeviceInfo}, a {@code DeviceStatus}
 * @param <S> a successful_devices entry of the response
 */
abstract class SubDeviceOperation<E, S> {

    static SubDeviceOperation<?, ?> of(HuaweiIotOperation operation) {
        return switch (operation) {
            case deleteSubDevice -> DeleteSubDevices.INSTANCE;
            case addSubDevice -> AddSubDevices.INSTANCE;
            case updateSubDeviceStatus -> UpdateSubDeviceStatuses.INSTANCE;
            case events -> throw new IllegalArgumentException("events is the consumer of platform events, not a request");
        };
    }

    /**
     * The operation of a request entry, which its type says: a device_id is deleted, a {@code DeviceInfo} added, a
     * {@code DeviceStatus} updated. A waiting single-device exchange keeps its entry only ({@link SingleDeviceItem}).
     */
    @SuppressWarnings("unchecked")
    static SubDeviceOperation<Object, Object> ofEntry(Object entry) {
        SubDeviceOperation<?, ?> operation = entry instanceof String ? DeleteSubDevices.INSTANCE
                : entry instanceof DeviceInfo ? AddSubDevices.INSTANCE
                : entry instanceof DeviceStatus ? UpdateSubDeviceStatuses.INSTANCE
                : null;
        if (operation == null) {
            throw new IllegalArgumentException("not a request entry: " + SubDeviceBodies.kindOf(entry));
        }
        return (SubDeviceOperation<Object, Object>) operation;
    }

    abstract HuaweiIotOperation operation();

    abstract EventType requestType();

    /** Most entries the platform takes in one request. */
    abstract int maxPerRequest();

    /** What a body of this operation may be, for the errors that refuse one: names the types and the fields. */
    abstract String acceptedBodies();

    /** Whether a text body that is not JSON is itself an entry (a device_id). */
    boolean takesPlainText() {
        return false;
    }

    /**
     * Reads and checks one item of a body.
     *
     * @throws InvalidSubDeviceException when the item is not a valid entry; the message never quotes the input
     */
    abstract E entry(Object item);

    /** Identifies the entry's device within a request; two entries with one key may not share a request. */
    abstract String key(E entry);

    /** Names the entry's device for people: its device_id, or node_id/product_id. */
    abstract String label(E entry);

    abstract Object paras(List<E> entries);

    /**
     * Reads the response's paras: per key of the request's entries, the platform's verdict. Entries the response does
     * not name are absent; names that are not in the request are ignored.
     */
    abstract Map<String, DeviceOutcome<S>> outcomes(JsonNode paras, List<E> entries, String eventId);

    /** The failure of an entry the response named in neither list. */
    abstract FailedSubDevice notReported(E entry, String eventId);

    /** @throws InvalidSubDeviceException naming the field when the value is null, blank or holds NUL */
    static String requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSubDeviceException(field + " must not be null or blank");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidSubDeviceException(field + " must not contain NUL");
        }
        return value;
    }
}
