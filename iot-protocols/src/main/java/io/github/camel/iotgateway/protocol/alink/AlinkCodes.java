package io.github.camel.iotgateway.protocol.alink;

import java.util.Map;

/** Result codes of the session and topology topics (docs/protocol-notes.md A.3.4, A.4, A.6). */
public final class AlinkCodes {

    public static final int SUCCESS = 200;
    public static final int REQUEST_ERROR = 400;
    /** thing/topo/add: an entry's sign does not match the sub-device's secret. */
    public static final int REQUEST_AUTH_ERROR = 401;
    public static final int DEVICE_CONNECTED_ELSEWHERE = 427;
    public static final int TOO_MANY_SUB_DEVICES = 428;
    public static final int RATE_LIMITED = 429;
    public static final int REQUEST_PARAMETER_ERROR = 460;
    public static final int SERVER_ERROR = 500;
    public static final int DEVICE_NO_SESSION = 520;
    public static final int DEVICE_DELETED = 521;
    public static final int DEVICE_FORBIDDEN = 522;
    public static final int DEVICE_NOT_FOUND = 6100;
    public static final int INVALID_SIGN = 6287;
    public static final int TOPO_RELATION_NOT_EXIST = 6401;
    /** thing/topo/add: a gateway cannot be its own sub-device. */
    public static final int TOPO_RELATION_CANNOT_ADD_BY_SELF = 6402;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(SUCCESS, "success"),
            Map.entry(REQUEST_ERROR, "request error"),
            Map.entry(REQUEST_AUTH_ERROR, "request auth error"),
            Map.entry(DEVICE_CONNECTED_ELSEWHERE, "device connect in elsewhere"),
            Map.entry(TOO_MANY_SUB_DEVICES, "too many subdevices under gateway"),
            Map.entry(RATE_LIMITED, "rate limit, too many subDeviceOnline msg in one minute"),
            Map.entry(REQUEST_PARAMETER_ERROR, "request parameter error"),
            Map.entry(SERVER_ERROR, "server error"),
            Map.entry(DEVICE_NO_SESSION, "device no session"),
            Map.entry(DEVICE_DELETED, "device deleted"),
            Map.entry(DEVICE_FORBIDDEN, "device forbidden"),
            Map.entry(DEVICE_NOT_FOUND, "device not found"),
            Map.entry(INVALID_SIGN, "invalid sign"),
            Map.entry(TOPO_RELATION_NOT_EXIST, "topo relation not exist"),
            Map.entry(TOPO_RELATION_CANNOT_ADD_BY_SELF, "topo relation cannot add by self"));

    private AlinkCodes() {
    }

    /** The platform's message for a code, or {@code "code <n>"} for one we do not know. */
    public static String message(int code) {
        return MESSAGES.getOrDefault(code, "code " + code);
    }

    /**
     * Whether a failed batch says something about the whole batch rather than about some of its sub-devices. Such a
     * failure is not narrowed down by resending parts: a throttled or broken platform would only be hit harder.
     */
    public static boolean concernsWholeBatch(int code) {
        return code == RATE_LIMITED || code == SERVER_ERROR || code == REQUEST_ERROR;
    }
}
