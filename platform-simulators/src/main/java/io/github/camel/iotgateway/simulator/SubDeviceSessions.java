package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulated Alibaba platform knows about one gateway's sub-devices: the devices registered in their products
 * (with their secrets), the topology (those attached to the gateway) and which of them have a session. Every method locks the instance; a caller that needs
 * several calls to see one consistent state (a batch) holds the lock around them.
 */
final class SubDeviceSessions {

    private final Map<SubDeviceId, String> secrets = new HashMap<>();
    private final Set<SubDeviceId> attached = new LinkedHashSet<>();
    private final Set<SubDeviceId> online = new LinkedHashSet<>();
    private final int maxOnline;

    SubDeviceSessions(int maxOnline) {
        this.maxOnline = maxOnline;
    }

    /** Registers a device in its product, not attached to the gateway. */
    synchronized void register(SubDeviceId id, String deviceSecret) {
        secrets.put(id, deviceSecret);
    }

    /** The device's secret, or null when no product has it. */
    synchronized String secretOf(SubDeviceId id) {
        return secrets.get(id);
    }

    synchronized boolean isAttached(SubDeviceId id) {
        return attached.contains(id);
    }

    synchronized void attach(Collection<SubDeviceId> ids) {
        attached.addAll(ids);
    }

    /** Detaches devices from the gateway, which ends their sessions. */
    synchronized void detach(Collection<SubDeviceId> ids) {
        attached.removeAll(ids);
        online.removeAll(ids);
    }

    /** The gateway's topology, in the order the devices were attached. */
    synchronized List<SubDeviceId> topology() {
        return List.copyOf(attached);
    }

    synchronized boolean isOnline(SubDeviceId id) {
        return online.contains(id);
    }

    synchronized int onlineCount() {
        return online.size();
    }

    synchronized Set<SubDeviceId> onlineDevices() {
        return Set.copyOf(online);
    }

    int maxOnline() {
        return maxOnline;
    }

    /** Whether these devices may all be online at once: the ones already online take no extra place. */
    synchronized boolean hasRoomFor(Collection<SubDeviceId> ids) {
        long newcomers = ids.stream().filter(id -> !online.contains(id)).count();
        return online.size() + newcomers <= maxOnline;
    }

    /** Marks devices online without any check: a test's preset, or a login the rules accepted. */
    synchronized void markOnline(Collection<SubDeviceId> ids) {
        online.addAll(ids);
    }

    synchronized void markOffline(Collection<SubDeviceId> ids) {
        online.removeAll(ids);
    }

    /** Forgets the devices, the topology and every session. */
    synchronized void clear() {
        secrets.clear();
        attached.clear();
        online.clear();
    }
}
