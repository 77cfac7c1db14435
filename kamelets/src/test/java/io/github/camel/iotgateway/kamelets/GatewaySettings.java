package io.github.camel.iotgateway.kamelets;

import java.util.Properties;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.AlinkSessionConfiguration;
import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import org.apache.camel.CamelContext;

/**
 * The two ways an application names its gateway for the kamelets: as a sink kamelet's own properties
 * ({@code camel.kamelet.<name>.*}, as application.properties sets them), or once on the component (what
 * {@code camel.component.<scheme>.*} does in camel-main), which the source kamelets rely on.
 */
final class GatewaySettings {

    /** A lost reply fails a test in seconds rather than after the components' default. */
    private static final String REQUEST_TIMEOUT = "5000";

    private GatewaySettings() {
    }

    static Properties alinkSubdeviceSessionSink(String brokerUrl, String gatewayProductKey, String gatewayDeviceName,
            String gatewayDeviceSecret) {
        Properties properties = sink("alink-subdevice-session-sink", brokerUrl, gatewayDeviceSecret);
        properties.setProperty("camel.kamelet.alink-subdevice-session-sink.gatewayProductKey", gatewayProductKey);
        properties.setProperty("camel.kamelet.alink-subdevice-session-sink.gatewayDeviceName", gatewayDeviceName);
        return properties;
    }

    static Properties huaweiiotChildDeviceSink(String brokerUrl, String gatewayDeviceId, String gatewayDeviceSecret) {
        Properties properties = sink("huaweiiot-child-device-sink", brokerUrl, gatewayDeviceSecret);
        properties.setProperty("camel.kamelet.huaweiiot-child-device-sink.gatewayDeviceId", gatewayDeviceId);
        return properties;
    }

    static void onTheAlinkSessionComponent(CamelContext camel, String brokerUrl, String gatewayProductKey,
            String gatewayDeviceName) {
        AlinkSessionConfiguration gateway = camel.getComponent("alink-session", AlinkSessionComponent.class)
                .getConfiguration();
        gateway.setBrokerUrl(brokerUrl);
        gateway.setGatewayProductKey(gatewayProductKey);
        gateway.setGatewayDeviceName(gatewayDeviceName);
    }

    static void onTheHuaweiiotComponent(CamelContext camel, String brokerUrl, String gatewayDeviceId) {
        HuaweiIotConfiguration gateway = camel.getComponent("huaweiiot", HuaweiIotComponent.class).getConfiguration();
        gateway.setBrokerUrl(brokerUrl);
        gateway.setGatewayDeviceId(gatewayDeviceId);
    }

    /** What every sink kamelet takes: the broker, the gateway's secret and the request timeout. */
    private static Properties sink(String kamelet, String brokerUrl, String gatewayDeviceSecret) {
        Properties properties = new Properties();
        String prefix = "camel.kamelet." + kamelet + ".";
        properties.setProperty(prefix + "brokerUrl", brokerUrl);
        properties.setProperty(prefix + "gatewayDeviceSecret", gatewayDeviceSecret);
        properties.setProperty(prefix + "requestTimeout", REQUEST_TIMEOUT);
        return properties;
    }
}
