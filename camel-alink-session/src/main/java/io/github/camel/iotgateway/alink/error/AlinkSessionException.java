package io.github.camel.iotgateway.alink.error;

import java.util.List;

import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * The platform (or the component, on its behalf, for the online cap) said no. Carries the code, the platform's
 * message, the sub-devices concerned and the request id; subtypes tell the common codes apart so routes can catch them
 * by type.
 */
public class AlinkSessionException extends GatewayException {

    private final int code;
    private final String platformMessage;
    private final List<SubDeviceId> subDevices;
    private final String requestId;
    private final List<SubDeviceId> succeededSubDevices;

    public AlinkSessionException(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeededSubDevices) {
        super(describe(code, platformMessage, subDevices, requestId));
        this.code = code;
        this.platformMessage = platformMessage;
        this.subDevices = List.copyOf(subDevices);
        this.requestId = requestId;
        this.succeededSubDevices = List.copyOf(succeededSubDevices);
    }

    /** The exception type for a platform code. */
    public static AlinkSessionException of(int code, String platformMessage, List<SubDeviceId> subDevices, String requestId,
            List<SubDeviceId> succeeded) {
        String message = platformMessage != null ? platformMessage : AlinkCodes.message(code);
        return switch (code) {
            case AlinkCodes.DEVICE_NO_SESSION -> new AlinkNoSessionException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.INVALID_SIGN, AlinkCodes.REQUEST_AUTH_ERROR -> new AlinkInvalidSignException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.TOO_MANY_SUB_DEVICES ->
                new AlinkOnlineLimitException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.REQUEST_PARAMETER_ERROR ->
                new AlinkRequestParameterException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.RATE_LIMITED -> new AlinkRateLimitException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.TOPO_RELATION_NOT_EXIST ->
                new AlinkNoTopologyException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.TOPO_RELATION_CANNOT_ADD_BY_SELF ->
                new AlinkTopologyRefusedException(code, message, subDevices, requestId, succeeded);
            case AlinkCodes.DEVICE_NOT_FOUND, AlinkCodes.DEVICE_DELETED, AlinkCodes.DEVICE_FORBIDDEN ->
                new AlinkSubDeviceUnavailableException(code, message, subDevices, requestId, succeeded);
            default -> new AlinkSessionException(code, message, subDevices, requestId, succeeded);
        };
    }

    private static String describe(int code, String message, List<SubDeviceId> devices, String requestId) {
        String who = devices.size() <= 5 ? devices.toString() : devices.subList(0, 5) + " and " + (devices.size() - 5) + " more";
        return "Alink code " + code + " (" + message + ") for sub-device(s) " + who
               + (requestId != null ? ", request id " + requestId : ", not sent");
    }

    /** The platform's result code, e.g. 520. */
    public int getCode() {
        return code;
    }

    /** The platform's message, e.g. "device no session". */
    public String getPlatformMessage() {
        return platformMessage;
    }

    /** The sub-devices this failure is about. */
    public List<SubDeviceId> getSubDevices() {
        return subDevices;
    }

    /** The id of the request the platform answered; {@code null} when the component refused before sending. */
    public String getRequestId() {
        return requestId;
    }

    /** For a batch exchange sent in several messages: the sub-devices whose messages did succeed. */
    public List<SubDeviceId> getSucceededSubDevices() {
        return succeededSubDevices;
    }
}
