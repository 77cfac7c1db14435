package io.github.camel.iotgateway.mqtt;

import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.component.paho.PahoPersistence;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The camel-paho options every gateway connection shares, whatever the cloud; a component adds its cloud's CONNECT
 * identity (clientId, user name, password).
 */
public final class GatewayPahoConfigurations {

    private GatewayPahoConfigurations() {
    }

    /**
     * @param qos the QoS of the requests (the platform's rule: 0 for Alink sessions, 0 or 1 for IoTDA)
     */
    public static PahoConfiguration gateway(CamelContext camelContext, String brokerUrl,
            SSLContextParameters sslContextParameters, int qos, int keepAliveSeconds, int connectionTimeoutSeconds,
            int maxInflight, int maxReconnectDelayMillis) {
        PahoConfiguration paho = new PahoConfiguration();
        paho.setBrokerUrl(brokerUrl);
        // TCP_NODELAY, and TLS for ssl:// URLs
        paho.setSocketFactory(GatewaySockets.socketFactory(camelContext, brokerUrl, sslContextParameters));
        paho.setQos(qos);
        // Paho's default (0) retries a refused CONNECT as MQTT 3.1, whose failure then hides the refusal's reason
        paho.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        paho.setKeepAliveInterval(keepAliveSeconds);
        paho.setConnectionTimeout(connectionTimeoutSeconds);
        // camel-paho's default of 10 fails bursts with 32202
        paho.setMaxInflight(maxInflight);
        paho.setMaxReconnectDelay(maxReconnectDelayMillis);
        // replies to a session that is gone are gone too: the reconnect starts clean and subscribes again
        paho.setCleanSession(true);
        paho.setPersistence(PahoPersistence.MEMORY);
        return paho;
    }
}
