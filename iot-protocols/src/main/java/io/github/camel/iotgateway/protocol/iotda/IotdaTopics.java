package io.github.camel.iotgateway.protocol.iotda;

import io.github.camel.iotgateway.protocol.common.TopicSegments;

/**
 * The event topics of one IoTDA gateway (docs/protocol-notes.md B.1). Every child-device operation travels on the gateway's
 * own topics; children are named inside {@code paras}.
 */
public final class IotdaTopics {

    private final String gatewayDeviceId;
    private final String eventsUp;
    private final String eventsDown;

    public IotdaTopics(String gatewayDeviceId) {
        this.gatewayDeviceId = TopicSegments.requireSafe("gatewayDeviceId", gatewayDeviceId);
        this.eventsUp = "$oc/devices/" + gatewayDeviceId + "/sys/events/up";
        this.eventsDown = "$oc/devices/" + gatewayDeviceId + "/sys/events/down";
    }

    public String gatewayDeviceId() {
        return gatewayDeviceId;
    }

    /** {@code $oc/devices/{gw}/sys/events/up}: the gateway's requests and reports. */
    public String eventsUp() {
        return eventsUp;
    }

    /**
     * {@code $oc/devices/{gw}/sys/events/down}: the platform's responses and notices. The platform delivers system
     * topics at QoS 0 without a subscription; subscribe explicitly to get them at QoS 1.
     */
    public String eventsDown() {
        return eventsDown;
    }
}
