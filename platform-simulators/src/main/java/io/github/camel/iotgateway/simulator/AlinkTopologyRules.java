package io.github.camel.iotgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkSigner;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules the Alibaba platform applies to a gateway's topology requests (docs/protocol-notes.md A.4): thing/topo/add
 * takes 1 to 30 entries, each signed like a login but with the lowercase key {@code signmethod} (460 otherwise), never
 * the gateway itself (6402), only registered sub-devices (6100) with a matching sign (401); thing/topo/delete takes 1 to
 * 30 registered sub-devices (6100) and ends their sessions; thing/topo/get lists the topology. Like a batch login, a
 * request is all or nothing: the reply names the failing entries and nothing changes.
 */
final class AlinkTopologyRules {

    private final SubDeviceSessions sessions;
    private final SubDeviceId gateway;
    private final int maxEntries;

    AlinkTopologyRules(SubDeviceSessions sessions, SubDeviceId gateway, int maxEntries) {
        this.sessions = sessions;
        this.gateway = gateway;
        this.maxEntries = maxEntries;
    }

    AlinkOutcome apply(TopologyOperation operation, JsonNode params) {
        synchronized (sessions) {
            return switch (operation) {
                case ADD -> add(params);
                case DELETE -> delete(params);
                case GET -> AlinkOutcome.of(AlinkCodes.SUCCESS, sessions.topology());
            };
        }
    }

    private AlinkOutcome add(JsonNode params) {
        AlinkOutcome shapeError = checkList("thing/topo/add", params);
        if (shapeError != null) {
            return shapeError;
        }
        List<SubDeviceId> ids = new ArrayList<>();
        List<SubDeviceId> failing = new ArrayList<>();
        AlinkOutcome firstFailure = null;
        for (JsonNode entry : params) {
            SubDeviceId id = AlinkSessionRules.deviceIdIn(entry);
            AlinkOutcome failure = checkAddEntry(entry, id);
            if (id != null) {
                ids.add(id);
            }
            if (failure != null) {
                firstFailure = firstFailure == null ? failure : firstFailure;
                if (id != null) {
                    failing.add(id);
                }
            }
        }
        Set<SubDeviceId> duplicates = AlinkSessionRules.duplicatesIn(ids);
        if (!duplicates.isEmpty()) {
            return AlinkOutcome.parameterError("thing/topo/add names a sub-device twice: " + duplicates,
                    List.copyOf(duplicates));
        }
        if (firstFailure != null) {
            return new AlinkOutcome(firstFailure.code(), firstFailure.message(), failing, firstFailure.violation());
        }
        sessions.attach(ids);
        return AlinkOutcome.of(AlinkCodes.SUCCESS, ids);
    }

    private AlinkOutcome checkAddEntry(JsonNode entry, SubDeviceId id) {
        if (id == null) {
            return AlinkOutcome.parameterError("a thing/topo/add entry needs productKey and deviceName", null);
        }
        if (entry.has("signMethod") && !entry.has("signmethod")) {
            return AlinkOutcome.parameterError("thing/topo/add entry of " + id + " names its method signMethod;"
                                               + " the topology entry takes the lowercase key signmethod", id);
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("clientId", "timestamp", "signmethod", "sign")) {
            if (!entry.path(field).isTextual() || entry.path(field).textValue().isEmpty()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return AlinkOutcome.parameterError("thing/topo/add entry of " + id + " lacks " + String.join(", ", missing),
                    id);
        }
        SignMethod method;
        try {
            method = SignMethod.fromWireName(entry.get("signmethod").textValue());
        } catch (IllegalArgumentException e) {
            return AlinkOutcome.parameterError("thing/topo/add entry of " + id + ": " + e.getMessage(), id);
        }
        if (id.equals(gateway)) {
            return AlinkOutcome.of(AlinkCodes.TOPO_RELATION_CANNOT_ADD_BY_SELF, id);
        }
        String secret = sessions.secretOf(id);
        if (secret == null) {
            return AlinkOutcome.of(AlinkCodes.DEVICE_NOT_FOUND, id);
        }
        String expected = AlinkSigner.sign(method, secret, Map.of("clientId", entry.get("clientId").textValue(),
                "deviceName", id.deviceName(), "productKey", id.productKey(),
                "timestamp", entry.get("timestamp").textValue()));
        return expected.equalsIgnoreCase(entry.get("sign").textValue())
                ? null : AlinkOutcome.of(AlinkCodes.REQUEST_AUTH_ERROR, id);
    }

    private AlinkOutcome delete(JsonNode params) {
        AlinkOutcome shapeError = checkList("thing/topo/delete", params);
        if (shapeError != null) {
            return shapeError;
        }
        List<SubDeviceId> ids = new ArrayList<>();
        for (JsonNode entry : params) {
            SubDeviceId id = AlinkSessionRules.deviceIdIn(entry);
            if (id == null) {
                return AlinkOutcome.parameterError("thing/topo/delete entries need productKey and deviceName", null);
            }
            ids.add(id);
        }
        Set<SubDeviceId> duplicates = AlinkSessionRules.duplicatesIn(ids);
        if (!duplicates.isEmpty()) {
            return AlinkOutcome.parameterError("thing/topo/delete names a sub-device twice: " + duplicates,
                    List.copyOf(duplicates));
        }
        List<SubDeviceId> unknown = ids.stream().filter(id -> sessions.secretOf(id) == null).toList();
        if (!unknown.isEmpty()) {
            return AlinkOutcome.of(AlinkCodes.DEVICE_NOT_FOUND, unknown);
        }
        sessions.detach(ids);
        return AlinkOutcome.of(AlinkCodes.SUCCESS, ids);
    }

    private AlinkOutcome checkList(String operation, JsonNode params) {
        if (!params.isArray()) {
            return AlinkOutcome.parameterError(operation + " params must be an array", null);
        }
        if (params.isEmpty() || params.size() > maxEntries) {
            return AlinkOutcome.parameterError(
                    operation + " with " + params.size() + " entries; the platform takes 1 to " + maxEntries, null);
        }
        return null;
    }
}
