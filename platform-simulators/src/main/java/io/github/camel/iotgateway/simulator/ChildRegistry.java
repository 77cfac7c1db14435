package io.github.camel.iotgateway.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The child devices the simulated IoTDA platform knows under one gateway, with their status (INACTIVE until first
 * reported, then ONLINE or OFFLINE). Every method locks the instance; a caller that needs several calls to see one
 * consistent state holds the lock around them.
 */
final class ChildRegistry {

    /** A known child. {@code nodeId} is null for one registered by device_id only. */
    record Child(String deviceId, String nodeId, String productId, String status) {
    }

    private final Map<String, Child> children = new LinkedHashMap<>();

    synchronized boolean contains(String deviceId) {
        return children.containsKey(deviceId);
    }

    synchronized Child get(String deviceId) {
        return children.get(deviceId);
    }

    synchronized void add(Child child) {
        children.put(child.deviceId(), child);
    }

    /** @return whether the device was there */
    synchronized boolean remove(String deviceId) {
        return children.remove(deviceId) != null;
    }

    synchronized void setStatus(String deviceId, String status) {
        children.computeIfPresent(deviceId, (id, c) -> new Child(id, c.nodeId(), c.productId(), status));
    }

    synchronized Set<String> deviceIds() {
        return Set.copyOf(children.keySet());
    }

    synchronized void clear() {
        children.clear();
    }
}
