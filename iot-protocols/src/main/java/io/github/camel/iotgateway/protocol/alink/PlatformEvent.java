package io.github.camel.iotgateway.protocol.alink;

import java.util.List;

/**
 * Something the platform tells a gateway without being asked (docs/protocol-notes.md A.3.6, A.4): an error pushed on
 * {@code /ext/error} (a sub-device forced offline, a session error), or a topology change on {@code thing/topo/change}.
 *
 * @param kind       what happened
 * @param subDevices the sub-devices it concerns
 * @param code       the platform's code ({@code /ext/error}), or {@code null} for a topology change
 * @param message    the platform's message, or {@code null}
 * @param status     the topology change's status (0 created, 1 deleted, 2 re-enabled, 8 disabled), or {@code null}
 * @param id         the message id; a topology change is answered under it ({@code change_reply})
 */
public record PlatformEvent(Kind kind, List<SubDeviceId> subDevices, Integer code, String message, Integer status,
        String id) {

    /** What the platform said happened. */
    public enum Kind {
        /** {@code /ext/error} 427, 521, 522 or 6401: the sub-device was taken offline. */
        FORCED_OFFLINE,
        /** {@code /ext/error} 520: a message of a sub-device without a session (or with another gateway's). */
        SESSION_ERROR,
        /** {@code /ext/error} with another code. */
        ERROR,
        TOPOLOGY_CREATED,
        TOPOLOGY_DELETED,
        TOPOLOGY_ENABLED,
        TOPOLOGY_DISABLED,
        /** A topology change with a status the docs do not name. */
        TOPOLOGY_CHANGED;

        /** Whether the sub-devices may no longer be held online (they cannot be logged in again as they are). */
        public boolean endsSessions() {
            return this == FORCED_OFFLINE || this == TOPOLOGY_DELETED || this == TOPOLOGY_DISABLED;
        }

        /** The kind of an {@code /ext/error} push with this code. */
        public static Kind ofErrorCode(int code) {
            return switch (code) {
                case AlinkCodes.DEVICE_CONNECTED_ELSEWHERE, AlinkCodes.DEVICE_DELETED, AlinkCodes.DEVICE_FORBIDDEN,
                        AlinkCodes.TOPO_RELATION_NOT_EXIST -> FORCED_OFFLINE;
                case AlinkCodes.DEVICE_NO_SESSION -> SESSION_ERROR;
                default -> ERROR;
            };
        }

        static Kind ofTopologyStatus(int status) {
            return switch (status) {
                case 0 -> TOPOLOGY_CREATED;
                case 1 -> TOPOLOGY_DELETED;
                case 2 -> TOPOLOGY_ENABLED;
                case 8 -> TOPOLOGY_DISABLED;
                default -> TOPOLOGY_CHANGED;
            };
        }
    }
}
