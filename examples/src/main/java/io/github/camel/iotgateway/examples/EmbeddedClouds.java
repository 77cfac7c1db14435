package io.github.camel.iotgateway.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;

/**
 * The story's default setting, all in this JVM: an MQTT broker on a free (or given) port that checks the gateway's
 * CONNECT credentials as the clouds do, and the platform simulators, which know the story's devices. The gateway secret
 * is random per run, so no secret is written anywhere.
 */
final class EmbeddedClouds implements AutoCloseable {

    static final String ALINK_GATEWAY_PRODUCT_KEY = "a1GwDemo001";
    static final String ALINK_GATEWAY_DEVICE_NAME = "demo-gateway";
    static final String HUAWEI_GATEWAY_DEVICE_ID = "demoProduct_gateway-01";
    /** Of the story's child devices, the platform knows all but these: deleting them fails. */
    static final int HUAWEI_UNKNOWN_CHILDREN = 5;

    private final EmbeddedMqttBroker broker;
    private final AlinkPlatformSimulator alink;
    private final IotdaPlatformSimulator huawei;
    private final String alinkGatewaySecret = UUID.randomUUID().toString();
    private final String huaweiGatewaySecret = UUID.randomUUID().toString();

    private EmbeddedClouds(int port, StoryDevices devices) {
        broker = EmbeddedMqttBroker.start(port);
        // the gateways must connect with the identities the clouds check; the simulators are the clouds themselves
        broker.setConnectAuthenticator((clientId, username, password) -> clientId.startsWith("alink-platform-sim")
                || clientId.startsWith("iotda-platform-sim")
                || AlinkConnectCredentials.verify(clientId, username, password, ALINK_GATEWAY_PRODUCT_KEY,
                        ALINK_GATEWAY_DEVICE_NAME, alinkGatewaySecret)
                || IotdaConnectCredentials.verify(clientId, username, password, HUAWEI_GATEWAY_DEVICE_ID,
                        huaweiGatewaySecret));
        alink = AlinkPlatformSimulator.start(broker.brokerUrl(), ALINK_GATEWAY_PRODUCT_KEY, ALINK_GATEWAY_DEVICE_NAME);
        for (SubDevice d : devices.alinkSubDevices()) {
            alink.registerSubDevice(d.productKey(), d.deviceName(), d.deviceSecret());
        }
        huawei = IotdaPlatformSimulator.start(broker.brokerUrl(), HUAWEI_GATEWAY_DEVICE_ID);
        List<String> children = devices.huaweiChildDevices();
        children.subList(0, children.size() - HUAWEI_UNKNOWN_CHILDREN).forEach(huawei::registerChild);
    }

    /** Starts the broker (port 0: a free one) and the simulators, before Camel starts (Paho does not retry a first connect). */
    static EmbeddedClouds start(int port, StoryDevices devices) {
        return new EmbeddedClouds(port, devices);
    }

    String brokerUrl() {
        return broker.brokerUrl();
    }

    /** The component settings that point the routes at this setting; they override application.properties. */
    Map<String, String> componentProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.alink-session.brokerUrl", broker.brokerUrl());
        p.put("camel.component.alink-session.gatewayProductKey", ALINK_GATEWAY_PRODUCT_KEY);
        p.put("camel.component.alink-session.gatewayDeviceName", ALINK_GATEWAY_DEVICE_NAME);
        p.put("camel.component.alink-session.gatewayDeviceSecret", alinkGatewaySecret);
        p.put("camel.component.huaweiiot.brokerUrl", broker.brokerUrl());
        p.put("camel.component.huaweiiot.gatewayDeviceId", HUAWEI_GATEWAY_DEVICE_ID);
        p.put("camel.component.huaweiiot.gatewayDeviceSecret", huaweiGatewaySecret);
        return p;
    }

    @Override
    public void close() {
        alink.close();
        huawei.close();
        broker.close();
    }
}
