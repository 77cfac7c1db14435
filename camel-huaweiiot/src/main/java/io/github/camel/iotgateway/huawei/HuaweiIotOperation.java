package io.github.camel.iotgateway.huawei;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a huaweiiot endpoint does, named by its URI path: three producer operations and the events consumer. */
public enum HuaweiIotOperation {

    deleteSubDevice,
    addSubDevice,
    updateSubDeviceStatus,
    /** Consumer only: the platform's events that answer no request of ours (add/delete notices and the like). */
    events;

    /** @throws IllegalArgumentException naming the known operations */
    public static HuaweiIotOperation fromName(String name) {
        for (HuaweiIotOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown huaweiiot operation '" + name + "'; expected one of "
                                           + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public boolean isProducer() {
        return this != events;
    }
}
