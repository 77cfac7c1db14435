package io.github.camel.iotgateway.huawei;

import java.time.Clock;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewaySockets;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.component.paho.PahoPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Builds the MQTT connection of a Huawei IoTDA gateway from the endpoint options, as camel-paho options. */
final class HuaweiGatewayConnections {

    private HuaweiGatewayConnections() {
    }

    static GatewayConnection create(CamelContext camelContext, HuaweiIotConfiguration config, IotdaTopics topics) {
        return new GatewayConnection(camelContext, pahoConfiguration(camelContext, config, Clock.systemUTC()),
                new IotdaProtocol(topics), config.getReplyThreads());
    }

    /** @param clock gives the hour the CONNECT identity is computed for */
    static PahoConfiguration pahoConfiguration(CamelContext camelContext, HuaweiIotConfiguration config, Clock clock) {
        PahoConfiguration paho = new PahoConfiguration();
        paho.setBrokerUrl(config.getBrokerUrl());
        if (config.getGatewayDeviceSecret() != null && !config.getGatewayDeviceSecret().isEmpty()) {
            // Paho keeps one ClientId per client, so the timestamp in it stays that of the first connect across
            // reconnects: harmless for signType 0, which is why checkTimestamp defaults to false
            IotdaConnectCredentials credentials = IotdaConnectCredentials.of(config.getGatewayDeviceId(),
                    config.getGatewayDeviceSecret(), clock.instant(),
                    config.isCheckTimestamp()
                            ? IotdaConnectCredentials.SIGN_TYPE_TIMESTAMP_CHECK
                            : IotdaConnectCredentials.SIGN_TYPE_NO_TIMESTAMP_CHECK);
            paho.setClientId(credentials.clientId());
            paho.setUserName(credentials.username());
            paho.setPassword(credentials.password());
        } else {
            paho.setClientId(config.getClientId() != null ? config.getClientId() : config.getGatewayDeviceId());
            paho.setUserName(config.getUserName());
            paho.setPassword(config.getPassword());
        }
        paho.setSocketFactory(GatewaySockets.socketFactory(camelContext, config.getBrokerUrl(),
                config.getSslContextParameters()));
        paho.setQos(config.getQos());
        // Paho's default (0) retries a refused CONNECT as MQTT 3.1, whose failure then hides the refusal's reason
        paho.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        paho.setKeepAliveInterval(config.getKeepAliveInterval());
        paho.setConnectionTimeout(config.getConnectionTimeout());
        paho.setMaxInflight(config.getMaxInflight());
        paho.setMaxReconnectDelay(config.getMaxReconnectDelay());
        paho.setAutomaticReconnect(true);
        paho.setCleanSession(true);
        paho.setPersistence(PahoPersistence.MEMORY);
        return paho;
    }
}
