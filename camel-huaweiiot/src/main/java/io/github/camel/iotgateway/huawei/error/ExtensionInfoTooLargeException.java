package io.github.camel.iotgateway.huawei.error;

/** An added device's extension_info is over the platform's 1 KB limit once serialized. Raised before anything is published. */
public class ExtensionInfoTooLargeException extends InvalidSubDeviceException {

    private final int size;
    private final int limit;

    public ExtensionInfoTooLargeException(String nodeId, int size, int limit) {
        super("extension_info of node " + nodeId + " is " + size + " bytes as JSON; the platform takes at most " + limit);
        this.size = size;
        this.limit = limit;
    }

    public int getSize() {
        return size;
    }

    public int getLimit() {
        return limit;
    }
}
