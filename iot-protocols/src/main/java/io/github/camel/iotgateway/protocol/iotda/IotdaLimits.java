package io.github.camel.iotgateway.protocol.iotda;

import java.time.Duration;

/** Numbers the platform enforces on child-device events (docs/protocol-notes.md B.8). */
public final class IotdaLimits {

    /** Child devices in one add_sub_device_request. */
    public static final int MAX_ADD_DEVICES = 50;

    /** Child devices in one delete_sub_device_request. */
    public static final int MAX_DELETE_DEVICES = 50;

    /** Entries in one sub_device_update_status: 1 to 100. */
    public static final int MIN_STATUS_DEVICES = 1;
    public static final int MAX_STATUS_DEVICES = 100;

    /** The size limit of a child's extension_info, 1 KB, counted here as the UTF-8 bytes of its compact JSON. */
    public static final int MAX_EXTENSION_INFO_BYTES = 1024;

    /** The platform answers a request within this time; a client waits at least this long. */
    public static final Duration RESPONSE_TIME = Duration.ofSeconds(30);

    /** Upstream messages a device connection may publish a second before the platform throttles it (B.8). */
    public static final int MAX_MESSAGES_PER_SECOND = 50;

    /** Upstream payload bytes a device connection may publish a second (B.8: 1 MB/s). */
    public static final long MAX_BYTES_PER_SECOND = 1024 * 1024;

    private IotdaLimits() {
    }
}
