package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkSigner;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules the Alibaba platform applies to the params of the four session operations (docs/protocol-notes.md A.3,
 * alink-subdevice-offline.txt). A sub-device logs in only when registered (6100) and attached to the gateway (6401). A batch is all-or-nothing: if any entry fails, the reply carries the first failure's
 * code and message, {@code data} lists the failing entries, and no session changes.
 */
final class AlinkSessionRules {

    private final SubDeviceSessions sessions;
    private final int maxBatchSize;
    private final Consumer<String> lapses;

    /**
     * @param lapses records what the platform accepts but no vendor SDK does (a login without cleanSession): a
     *               violation of the simulator's log, the request still succeeds
     */
    AlinkSessionRules(SubDeviceSessions sessions, int maxBatchSize, Consumer<String> lapses) {
        this.sessions = sessions;
        this.maxBatchSize = maxBatchSize;
        this.lapses = lapses;
    }

    AlinkOutcome apply(SessionOperation operation, JsonNode params) {
        // one consistent view of the sessions for the whole request, also against a test presetting sessions
        synchronized (sessions) {
            return switch (operation) {
                case LOGIN -> login(params);
                case BATCH_LOGIN -> batchLogin(params);
                case LOGOUT -> logout(params);
                case BATCH_LOGOUT -> batchLogout(params);
            };
        }
    }

    private AlinkOutcome login(JsonNode params) {
        if (!params.isObject()) {
            return AlinkOutcome.parameterError("login params must be an object", null);
        }
        Entry entry = checkLogin(params, null);
        if (entry.failure() != null) {
            return entry.failure();
        }
        if (!sessions.hasRoomFor(List.of(entry.id()))) {
            return AlinkOutcome.of(AlinkCodes.TOO_MANY_SUB_DEVICES, entry.id());
        }
        sessions.markOnline(List.of(entry.id()));
        return AlinkOutcome.of(AlinkCodes.SUCCESS, entry.id());
    }

    private AlinkOutcome batchLogin(JsonNode params) {
        if (!params.isObject() || !params.path("deviceList").isArray()) {
            return AlinkOutcome.parameterError("batch_login params must be an object with a deviceList array", null);
        }
        JsonNode list = params.get("deviceList");
        AlinkOutcome sizeError = checkBatchSize("batch_login", list.size());
        if (sizeError != null) {
            return sizeError;
        }
        SignMethod shared = null;
        JsonNode sharedNode = params.get("signMethod");
        if (sharedNode != null && !sharedNode.isNull()) {
            try {
                shared = SignMethod.fromWireName(sharedNode.asText());
            } catch (IllegalArgumentException e) {
                return AlinkOutcome.parameterError("batch_login params.signMethod is unknown: " + sharedNode, null);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : list) {
            entries.add(checkLogin(item, shared));
        }
        List<SubDeviceId> ids = entries.stream().map(Entry::id).filter(id -> id != null).toList();
        Set<SubDeviceId> duplicates = duplicatesIn(ids);
        if (!duplicates.isEmpty()) {
            return AlinkOutcome.parameterError("batch_login names a sub-device twice: " + duplicates,
                    List.copyOf(duplicates));
        }
        AlinkOutcome firstFailure = null;
        List<SubDeviceId> failing = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.failure() != null) {
                firstFailure = firstFailure == null ? entry.failure() : firstFailure;
                if (entry.id() != null) {
                    failing.add(entry.id());
                }
            }
        }
        if (firstFailure != null) {
            return new AlinkOutcome(firstFailure.code(), firstFailure.message(), failing, firstFailure.violation());
        }
        if (!sessions.hasRoomFor(ids)) {
            List<SubDeviceId> newcomers = ids.stream().filter(id -> !sessions.isOnline(id)).toList();
            return AlinkOutcome.of(AlinkCodes.TOO_MANY_SUB_DEVICES, newcomers);
        }
        sessions.markOnline(ids);
        return AlinkOutcome.of(AlinkCodes.SUCCESS, ids);
    }

    private AlinkOutcome logout(JsonNode params) {
        if (!params.isObject()) {
            return AlinkOutcome.parameterError("logout params must be an object", null);
        }
        SubDeviceId id = deviceIdIn(params);
        if (id == null) {
            return AlinkOutcome.parameterError("logout params need productKey and deviceName", null);
        }
        if (!sessions.isOnline(id)) {
            return AlinkOutcome.of(AlinkCodes.DEVICE_NO_SESSION, id);
        }
        sessions.markOffline(List.of(id));
        return AlinkOutcome.of(AlinkCodes.SUCCESS, id);
    }

    private AlinkOutcome batchLogout(JsonNode params) {
        if (!params.isArray()) {
            return AlinkOutcome.parameterError("batch_logout params must be an array of {productKey, deviceName}",
                    null);
        }
        AlinkOutcome sizeError = checkBatchSize("batch_logout", params.size());
        if (sizeError != null) {
            return sizeError;
        }
        List<SubDeviceId> ids = new ArrayList<>();
        for (JsonNode item : params) {
            SubDeviceId id = deviceIdIn(item);
            if (id == null) {
                return AlinkOutcome.parameterError("batch_logout entries need productKey and deviceName", null);
            }
            ids.add(id);
        }
        Set<SubDeviceId> duplicates = duplicatesIn(ids);
        if (!duplicates.isEmpty()) {
            return AlinkOutcome.parameterError("batch_logout names a sub-device twice: " + duplicates,
                    List.copyOf(duplicates));
        }
        List<SubDeviceId> withoutSession = ids.stream().filter(id -> !sessions.isOnline(id)).toList();
        if (!withoutSession.isEmpty()) {
            return AlinkOutcome.of(AlinkCodes.DEVICE_NO_SESSION, withoutSession);
        }
        sessions.markOffline(ids);
        return AlinkOutcome.of(AlinkCodes.SUCCESS, ids);
    }

    /** One login, alone or as a batch entry: parameters, topology, then sign. Capacity is the caller's. */
    private Entry checkLogin(JsonNode item, SignMethod sharedMethod) {
        if (!item.isObject()) {
            return Entry.failed(null, AlinkOutcome.parameterError("a login entry is not an object", null));
        }
        LoginParams login;
        try {
            login = AlinkJson.convert(item, LoginParams.class);
        } catch (AlinkJson.MalformedMessageException e) {
            SubDeviceId id = deviceIdIn(item);
            return Entry.failed(id, AlinkOutcome.parameterError("login params unreadable: " + e.getMessage(), id));
        }
        SubDeviceId id = blank(login.productKey()) || blank(login.deviceName()) ? null : login.id();
        SignMethod method = login.signMethod() != null ? login.signMethod() : sharedMethod;
        List<String> missing = new ArrayList<>();
        addIfBlank(missing, "productKey", login.productKey());
        addIfBlank(missing, "deviceName", login.deviceName());
        addIfBlank(missing, "clientId", login.clientId());
        addIfBlank(missing, "timestamp", login.timestamp());
        addIfBlank(missing, "sign", login.sign());
        if (method == null) {
            missing.add("signMethod");
        }
        if (!missing.isEmpty()) {
            return Entry.failed(id, AlinkOutcome.parameterError(
                    "login of " + (id == null ? "a sub-device" : id) + " lacks " + String.join(", ", missing), id));
        }
        if (login.cleanSession() == null) {
            // optional in the docs, but every vendor SDK and documented sample sends it (docs/protocol-notes.md A.3)
            lapses.accept("login of " + id + " has no cleanSession, which every vendor SDK sends");
        } else if (!login.cleanSession().equals("true") && !login.cleanSession().equals("false")) {
            return Entry.failed(id, AlinkOutcome.parameterError(
                    "login of " + id + " has cleanSession other than \"true\"/\"false\"", id));
        }
        String secret = sessions.secretOf(id);
        if (secret == null) {
            return Entry.failed(id, AlinkOutcome.of(AlinkCodes.DEVICE_NOT_FOUND, id));
        }
        if (!sessions.isAttached(id)) {
            return Entry.failed(id, AlinkOutcome.of(AlinkCodes.TOPO_RELATION_NOT_EXIST, id));
        }
        String expected = AlinkSigner.sign(method, secret, login.signedContent());
        if (!expected.equalsIgnoreCase(login.sign())) {
            return Entry.failed(id, AlinkOutcome.of(AlinkCodes.INVALID_SIGN, id));
        }
        return new Entry(id, null);
    }

    private AlinkOutcome checkBatchSize(String operation, int size) {
        if (size == 0 || size > maxBatchSize) {
            return AlinkOutcome.parameterError(
                    operation + " with " + size + " sub-devices; the platform takes 1 to " + maxBatchSize, null);
        }
        return null;
    }

    static SubDeviceId deviceIdIn(JsonNode item) {
        if (item == null || !item.isObject()) {
            return null;
        }
        JsonNode pk = item.get("productKey");
        JsonNode dn = item.get("deviceName");
        if (pk == null || !pk.isTextual() || pk.textValue().isEmpty()
            || dn == null || !dn.isTextual() || dn.textValue().isEmpty()) {
            return null;
        }
        return new SubDeviceId(pk.textValue(), dn.textValue());
    }

    static Set<SubDeviceId> duplicatesIn(List<SubDeviceId> ids) {
        Set<SubDeviceId> seen = new LinkedHashSet<>();
        Set<SubDeviceId> duplicates = new LinkedHashSet<>();
        for (SubDeviceId id : ids) {
            if (!seen.add(id)) {
                duplicates.add(id);
            }
        }
        return duplicates;
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }

    private static void addIfBlank(List<String> missing, String field, String value) {
        if (blank(value)) {
            missing.add(field);
        }
    }

    /** A checked login entry: its identity when readable, and its failure or null. */
    private record Entry(SubDeviceId id, AlinkOutcome failure) {
        static Entry failed(SubDeviceId id, AlinkOutcome failure) {
            return new Entry(id, failure);
        }
    }
}
