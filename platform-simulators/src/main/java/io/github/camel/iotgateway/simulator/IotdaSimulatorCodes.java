package io.github.camel.iotgateway.simulator;

/**
 * The {@code error_code}s the IoTDA simulator puts in {@code failed_devices}. Huawei does not enumerate the codes of
 * the MQTT child-device events (docs/protocol-notes.md B.7, its example says {@code "XXX"}); these follow the
 * {@code IOTDA.nnnnnn} style of the IoTDA REST API but are this simulator's choice. A client must treat
 * {@code error_code} as opaque text and must not depend on these values.
 */
public final class IotdaSimulatorCodes {

    /** The request or this entry breaks a documented rule: a count limit, a missing mandatory field, a bad value. */
    public static final String INVALID_PARAMETER = "IOTDA.000006";

    /** No child device with that device_id under this gateway. */
    public static final String DEVICE_NOT_FOUND = "IOTDA.014000";

    /** The device_id to add is taken, by an existing child or an earlier entry of the same request. */
    public static final String DEVICE_ALREADY_EXISTS = "IOTDA.014002";

    private IotdaSimulatorCodes() {
    }
}
