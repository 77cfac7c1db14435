package io.github.camel.iotgateway.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * Gateway and sub-device names. Every run tags its gateways with a random number, so two runs (or the Mosquitto tests
 * of other modules on the shared broker) never see each other's messages.
 */
final class Identities {

    static final String SUB_PRODUCT_KEY = "a1SubPk0001";
    /** An IoTDA product_id, 24 hex digits like the platform's. */
    static final String IOTDA_PRODUCT_ID = "6650a1b2c3d4e5f6a7b8c9d0";

    private final String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    /** An Alibaba gateway ProductKey for one arm, e.g. {@code a1BenchComp123456}. */
    String alinkGateway(String arm) {
        return "a1Bench" + arm + tag;
    }

    /** An IoTDA gateway device_id for one arm. */
    String iotdaGateway(String arm) {
        return IOTDA_PRODUCT_ID + "_bench" + arm + tag;
    }

    static SubDeviceId[] alinkSubDevices(int count) {
        return IntStream.range(0, count).mapToObj(i -> new SubDeviceId(SUB_PRODUCT_KEY, String.format("dev-%05d", i)))
                .toArray(SubDeviceId[]::new);
    }

    /**
     * Sub-devices with their secrets for a round of the login rows, named after the round: the platform lets a
     * sub-device log in at most 5 times a minute, so no two rounds log in the same one.
     */
    static SubDevice[] alinkLoginSubDevices(int round, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("login-%03d-%04d", round, i))
                .map(name -> SubDevice.withSecret(SUB_PRODUCT_KEY, name, "secret-" + name))
                .toArray(SubDevice[]::new);
    }

    static String[] iotdaChildren(int count) {
        return IntStream.range(0, count).mapToObj(i -> IOTDA_PRODUCT_ID + String.format("_node%05d", i))
                .toArray(String[]::new);
    }
}
