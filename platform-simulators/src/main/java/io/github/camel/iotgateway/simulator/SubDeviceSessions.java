package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the simulated Alibaba platform knows about one gateway's sub-devices: the topology (devices attached to the
 * gateway, with their secrets) and which of them have a session. Every method locks the instance; a caller that needs
 * several calls to see one consistent state (a batch) holds the lock around them.
 */
final class SubDeviceSessions {

    private final Map<SubDeviceId, String> secrets = new HashMap<>();
    private final Set<SubDeviceId> online = new LinkedHashSet<>();
    private final int maxOnline;

    SubDeviceSessions(int maxOnline) {
        this.maxOnline = maxOnline;
    }

    synchronized void register(SubDeviceId id, String deviceSecret) {
        secrets.put(id, deviceSecret);
    }

    /** The device's secret, or null when it is not in the gateway's topology. */
    synchronized String secretOf(SubDeviceId id) {
        return secrets.get(id);
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

    /** Forgets the topology and every session. */
    synchronized void clear() {
        secrets.clear();
        online.clear();
    }
}
