package io.github.camel.iotgateway.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The devices the story works on. On the embedded default they are made up, and the simulators know them (their
 * secrets are random per run); against the real clouds they come from CSV files you keep outside the repository:
 * {@code ALINK_SUB_DEVICES_FILE} (lines {@code productKey,deviceName,deviceSecret}) and {@code HUAWEI_CHILD_DEVICES_FILE}
 * (one device_id a line).
 */
public final class StoryDevices {

    /** The sub-device the story logs out although it never logged in: the platform answers 520. */
    public static final SubDeviceId NO_SESSION = new SubDeviceId("a1DemoSub01", "never-logged-in");

    private final List<SubDevice> alinkSubDevices;
    private final List<String> huaweiChildDevices;

    public StoryDevices(List<SubDevice> alinkSubDevices, List<String> huaweiChildDevices) {
        this.alinkSubDevices = List.copyOf(alinkSubDevices);
        this.huaweiChildDevices = List.copyOf(huaweiChildDevices);
    }

    /** 120 sub-devices with random secrets, and 75 child device ids. */
    public static StoryDevices madeUp() {
        List<SubDevice> subDevices = IntStream.rangeClosed(1, 120).mapToObj(i -> SubDevice.withSecret("a1DemoSub01",
                String.format("sensor-%03d", i), java.util.UUID.randomUUID().toString())).toList();
        List<String> children = IntStream.rangeClosed(1, 75).mapToObj(i -> String.format("demoProduct_meter-%03d", i))
                .toList();
        return new StoryDevices(subDevices, children);
    }

    /**
     * The devices of two CSV files (see {@link DeviceListFiles}).
     *
     * @throws IllegalArgumentException naming the file and line of a line that is not a device
     */
    public static StoryDevices fromFiles(Path alinkFile, Path huaweiFile) throws IOException {
        return new StoryDevices(DeviceListFiles.alinkSubDevices(alinkFile), DeviceListFiles.huaweiChildDevices(huaweiFile));
    }

    /** Step 1: the sub-devices to log in, as one list. */
    public List<SubDevice> alinkSubDevices() {
        return alinkSubDevices;
    }

    /** Step 2: the same sub-devices to log out one by one, and one with no session. */
    public List<SubDeviceId> alinkLogouts() {
        List<SubDeviceId> logouts = new ArrayList<>(alinkSubDevices.stream().map(SubDevice::id).toList());
        logouts.add(logouts.size() / 2, NO_SESSION);
        return logouts;
    }

    /** Step 3: the child devices to delete. */
    public List<String> huaweiChildDevices() {
        return huaweiChildDevices;
    }
}
