package io.github.camel.iotgateway.alink;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.camel.iotgateway.alink.error.AlinkRateLimitException;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The platform throttles a sub-device that logs in more than 5 times a minute (429 "too many subDeviceOnline msg in one
 * minute", docs/protocol-notes.md A.3): a login over that budget fails here, before anything is published, instead of
 * on the platform.
 */
final class LoginBudget {

    private static final long MINUTE_MILLIS = 60_000;

    private final int perMinute;
    private final LongSupplier clockMillis;
    private final Map<SubDeviceId, Deque<Long>> logins = new HashMap<>();

    /** @param perMinute logins a sub-device may make in any minute; 0 for no budget */
    LoginBudget(int perMinute, LongSupplier clockMillis) {
        this.perMinute = perMinute;
        this.clockMillis = clockMillis;
    }

    /**
     * Takes a login from each sub-device's budget, all or none.
     *
     * @throws AlinkRateLimitException naming the sub-devices whose budget is spent; nothing is taken
     */
    synchronized void take(List<SubDeviceId> devices) throws AlinkRateLimitException {
        if (perMinute <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        List<SubDeviceId> spent = devices.stream().filter(d -> recent(d, now).size() >= perMinute).distinct().toList();
        if (!spent.isEmpty()) {
            throw new AlinkRateLimitException(AlinkCodes.RATE_LIMITED, "sub-device " + spent.get(0) + " logged in "
                                                                      + perMinute + " times within the last minute;"
                                                                      + " the platform throttles more (429). Nothing"
                                                                      + " was published",
                    spent, null, List.of());
        }
        devices.forEach(d -> recent(d, now).add(now));
    }

    /**
     * Gives back the logins last taken for these sub-devices: they were never published (not connected, another node
     * leads the gateway, the pace had no room), so the platform counted nothing.
     */
    synchronized void giveBack(List<SubDeviceId> devices) {
        if (perMinute <= 0) {
            return;
        }
        devices.stream().distinct().forEach(d -> {
            Deque<Long> times = logins.get(d);
            if (times != null) {
                times.pollLast();
            }
        });
    }

    /** Whether a sub-device may log in now, without taking from its budget (the re-login after a reconnect asks). */
    synchronized boolean hasRoomFor(SubDeviceId device) {
        return perMinute <= 0 || recent(device, clockMillis.getAsLong()).size() < perMinute;
    }

    private Deque<Long> recent(SubDeviceId device, long now) {
        Deque<Long> times = logins.computeIfAbsent(device, d -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peek() <= now - MINUTE_MILLIS) {
            times.poll();
        }
        return times;
    }
}
