package io.github.camel.iotgateway.alink;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.alink.error.AlinkOnlineLimitException;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The sub-devices a gateway holds online, and the logins on their way, counted against the platform's cap so that a
 * login over it fails here instead of on the platform. A sub-device already online or already on its way takes no
 * second place.
 */
final class OnlineSubDevices {

    private final int maxOnline;
    /** Online sub-devices with the signed params that logged them in, to log them in again after a reconnect. */
    private final Map<SubDeviceId, LoginParams> online = new HashMap<>();
    private final Map<SubDeviceId, Integer> loginsUnderway = new HashMap<>();
    private volatile Runnable onChange = () -> {
    };

    OnlineSubDevices(int maxOnline) {
        this.maxOnline = maxOnline;
    }

    /** Runs after each change of the online set (to store it), outside this set's lock. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /**
     * Holds exactly these sub-devices online, as the gateway's previous leader left them (a new leadership starts from
     * the stored set, not from what this node knew when it last led).
     */
    void replaceWith(Collection<LoginParams> logins) {
        synchronized (this) {
            online.clear();
            logins.forEach(login -> online.put(login.id(), login));
        }
        onChange.run();
    }

    /**
     * Takes a place for each sub-device about to log in, all or none.
     *
     * @throws AlinkOnlineLimitException when they do not all fit under the cap; nothing is reserved
     */
    synchronized void reserve(List<SubDeviceId> devices) throws AlinkOnlineLimitException {
        long newcomers = devices.stream().filter(d -> !online.containsKey(d) && !loginsUnderway.containsKey(d)).count();
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
    void loggedIn(Collection<LoginParams> logins) {
        synchronized (this) {
            logins.forEach(login -> {
                online.put(login.id(), login);
                release(login.id());
            });
        }
        onChange.run();
    }

    /** The logins failed or never got an answer: give their places back. */
    synchronized void loginEnded(Collection<SubDeviceId> devices) {
        devices.forEach(this::release);
    }

    /** Logged out, or the platform says they have no session. */
    void loggedOut(Collection<SubDeviceId> devices) {
        boolean changed = false;
        synchronized (this) {
            for (SubDeviceId device : devices) {
                changed |= online.remove(device) != null;
            }
        }
        if (changed) {
            onChange.run();
        }
    }

    synchronized int onlineCount() {
        return online.size();
    }

    synchronized boolean isOnline(SubDeviceId device) {
        return online.containsKey(device);
    }

    /** The params that logged a sub-device in, or {@code null} when it is not held online. */
    synchronized LoginParams login(SubDeviceId device) {
        return online.get(device);
    }

    /**
     * The login params of the sub-devices held online, to log them in again after the gateway reconnects. The
     * platform does not check a sign's timestamp for freshness (its own SDKs sign with a fixed one), so the params
     * that logged a device in serve again.
     */
    synchronized List<LoginParams> logins() {
        return List.copyOf(online.values());
    }

    private void release(SubDeviceId device) {
        loginsUnderway.computeIfPresent(device, (d, n) -> n > 1 ? n - 1 : null);
    }
}
