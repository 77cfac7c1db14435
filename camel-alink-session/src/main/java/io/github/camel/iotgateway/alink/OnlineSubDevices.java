package io.github.camel.iotgateway.alink;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camel.iotgateway.alink.error.AlinkOnlineLimitException;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The sub-devices a gateway holds online, and the logins on their way, counted against the platform's cap so that a
 * login over it fails here instead of on the platform. A sub-device already online or already on its way takes no
 * second place.
 */
final class OnlineSubDevices {

    private final int maxOnline;
    private final Set<SubDeviceId> online = new HashSet<>();
    private final Map<SubDeviceId, Integer> loginsUnderway = new HashMap<>();

    OnlineSubDevices(int maxOnline) {
        this.maxOnline = maxOnline;
    }

    /**
     * Takes a place for each sub-device about to log in, all or none.
     *
     * @throws AlinkOnlineLimitException when they do not all fit under the cap; nothing is reserved
     */
    synchronized void reserve(List<SubDeviceId> devices) throws AlinkOnlineLimitException {
        long newcomers = devices.stream().filter(d -> !online.contains(d) && !loginsUnderway.containsKey(d)).count();
        if (online.size() + loginsUnderway.size() + newcomers > maxOnline) {
            throw new AlinkOnlineLimitException(AlinkCodes.TOO_MANY_SUB_DEVICES,
                    "the gateway holds " + online.size() + " sub-devices online and " + loginsUnderway.size()
                                                                                 + " logins are under way; maxOnlineSubDevices is "
                                                                                 + maxOnline,
                    devices, null, List.of());
        }
        devices.forEach(d -> loginsUnderway.merge(d, 1, Integer::sum));
    }

    /** The logins succeeded. */
    synchronized void loggedIn(Collection<SubDeviceId> devices) {
        devices.forEach(d -> {
            online.add(d);
            release(d);
        });
    }

    /** The logins failed or never got an answer: give their places back. */
    synchronized void loginEnded(Collection<SubDeviceId> devices) {
        devices.forEach(this::release);
    }

    /** Logged out, or the platform says they have no session. */
    synchronized void loggedOut(Collection<SubDeviceId> devices) {
        devices.forEach(online::remove);
    }

    synchronized int onlineCount() {
        return online.size();
    }

    synchronized boolean isOnline(SubDeviceId device) {
        return online.contains(device);
    }

    /** A copy of the sub-devices held online, e.g. to log them in again after the gateway reconnects. */
    synchronized List<SubDeviceId> snapshot() {
        return List.copyOf(online);
    }

    private void release(SubDeviceId device) {
        loginsUnderway.computeIfPresent(device, (d, n) -> n > 1 ? n - 1 : null);
    }
}
