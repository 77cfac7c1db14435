package io.github.camel.iotgateway.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The platform's throttles on bringing sub-devices online (docs/protocol-notes.md A.3): at most 200 login and
 * batch_login requests a second per gateway, and 5 logins a minute per sub-device; past either it answers 429
 * "too many subDeviceOnline msg in one minute" for the whole request.
 * <p>
 * The second is measured as the IoTDA simulator measures it ({@link UpstreamRateCaps}, 950 ms on arrival times): the
 * broker's deliveries bunch, so a client pacing in windows of a second (and a margin) must not be judged over the cap.
 */
final class AlinkLoginThrottle {

    static final long MINUTE_WINDOW_MILLIS = 60_000;

    /** The second's cap: the IoTDA simulator's sliding window, counting requests (no byte cap). */
    private final UpstreamRateCaps requests;
    private volatile int loginsPerSubDevicePerMinute;
    private final Map<SubDeviceId, Deque<Long>> logins = new HashMap<>();

    AlinkLoginThrottle(int requestsPerSecond, int loginsPerSubDevicePerMinute) {
        this.requests = new UpstreamRateCaps(UpstreamRateCaps.DEFAULT_WINDOW, requestsPerSecond, 0);
        this.loginsPerSubDevicePerMinute = loginsPerSubDevicePerMinute;
    }

    void setLimits(int requestsPerSecond, int loginsPerSubDevicePerMinute) {
        requests.set(requestsPerSecond, 0);
        this.loginsPerSubDevicePerMinute = loginsPerSubDevicePerMinute;
    }

    /**
     * Counts a login request; says why the platform throttles it, or {@code null} when it does not.
     *
     * @param params         the request's params (login: the sub-device; batch_login: its deviceList)
     * @param receivedNanos when the request arrived ({@link System#nanoTime()}), before any queueing in the simulator:
     *                      a busy simulator must not make requests look bunched
     */
    synchronized String throttle(SessionOperation operation, JsonNode params, long receivedNanos) {
        if (!operation.isLogin()) {
            return null;
        }
        String overSecond = requests.admit(receivedNanos, 0);
        if (overSecond != null) {
            return overSecond.replace("upstream messages/s per connection", "login requests a second per gateway");
        }
        long now = TimeUnit.NANOSECONDS.toMillis(receivedNanos);
        List<SubDeviceId> devices = devicesOf(operation, params);
        if (loginsPerSubDevicePerMinute > 0) {
            for (SubDeviceId device : devices) {
                if (recent(device, now).size() >= loginsPerSubDevicePerMinute) {
                    return "sub-device " + device + " logged in more than " + loginsPerSubDevicePerMinute
                           + " times within a minute";
                }
            }
            devices.forEach(device -> recent(device, now).add(now));
        }
        return null;
    }

    synchronized void reset() {
        requests.clear();
        logins.clear();
    }

    private Deque<Long> recent(SubDeviceId device, long now) {
        Deque<Long> times = logins.computeIfAbsent(device, d -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peek() <= now - MINUTE_WINDOW_MILLIS) {
            times.poll();
        }
        return times;
    }

    private static List<SubDeviceId> devicesOf(SessionOperation operation, JsonNode params) {
        List<SubDeviceId> devices = new ArrayList<>();
        if (params == null) {
            return devices;
        }
        if (operation == SessionOperation.LOGIN) {
            add(devices, params);
        } else {
            params.path("deviceList").forEach(entry -> add(devices, entry));
        }
        return devices;
    }

    private static void add(List<SubDeviceId> devices, JsonNode entry) {
        String pk = entry.path("productKey").asText("");
        String dn = entry.path("deviceName").asText("");
        if (!pk.isEmpty() && !dn.isEmpty()) {
            devices.add(new SubDeviceId(pk, dn));
        }
    }
}
