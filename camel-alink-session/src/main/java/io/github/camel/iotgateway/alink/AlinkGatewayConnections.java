package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewaySockets;
import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.PahoConfiguration;
import org.apache.camel.component.paho.PahoPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Builds the MQTT connection of an Alibaba gateway from the endpoint options, as camel-paho options. */
final class AlinkGatewayConnections {

    private AlinkGatewayConnections() {
    }

    static GatewayConnection create(CamelContext camelContext, AlinkSessionConfiguration config, SessionTopics topics) {
        PahoConfiguration paho = new PahoConfiguration();
        paho.setBrokerUrl(config.getBrokerUrl());
        // a blank secret is an unset one, as an empty environment variable behind a placeholder gives
        if (config.getGatewayDeviceSecret() != null && !config.getGatewayDeviceSecret().isBlank()) {
            AlinkConnectCredentials credentials = AlinkConnectCredentials.of(config.getGatewayProductKey(),
                    config.getGatewayDeviceName(), config.getGatewayDeviceSecret(), System.currentTimeMillis(),
                    GatewaySockets.isTls(config.getBrokerUrl())
                            ? AlinkConnectCredentials.SECURE_MODE_TLS : AlinkConnectCredentials.SECURE_MODE_TCP);
            paho.setClientId(credentials.clientId());
            paho.setUserName(credentials.username());
            paho.setPassword(credentials.password());
        } else {
            paho.setClientId(config.getClientId() != null
                    ? config.getClientId() : config.getGatewayProductKey() + "." + config.getGatewayDeviceName());
            paho.setUserName(config.getUserName());
            paho.setPassword(config.getPassword());
        }
        paho.setSocketFactory(GatewaySockets.socketFactory(camelContext, config.getBrokerUrl(),
                config.getSslContextParameters()));
        paho.setQos(AlinkLimits.SESSION_QOS);
        // Paho's default (0) retries a refused CONNECT as MQTT 3.1, whose failure then hides the refusal's reason
        paho.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        paho.setKeepAliveInterval(config.getKeepAliveInterval());
        paho.setConnectionTimeout(config.getConnectionTimeout());
        paho.setMaxInflight(config.getMaxInflight());
        paho.setMaxReconnectDelay(config.getMaxReconnectDelay());
        paho.setAutomaticReconnect(true);
        paho.setCleanSession(true);
        paho.setPersistence(PahoPersistence.MEMORY);
        return new GatewayConnection(camelContext, paho, new AlinkProtocol(topics), config.getReplyThreads());
    }
}
