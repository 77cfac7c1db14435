package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayPahoConfigurations;
import io.github.camel.iotgateway.mqtt.GatewaySockets;
import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.PahoConfiguration;

/** Builds the MQTT connection of an Alibaba gateway from the endpoint options, as camel-paho options. */
final class AlinkGatewayConnections {

    private AlinkGatewayConnections() {
    }

    static GatewayConnection create(CamelContext camelContext, AlinkSessionConfiguration config, SessionTopics topics) {
        PahoConfiguration paho = GatewayPahoConfigurations.gateway(camelContext, config.getBrokerUrl(),
                config.getSslContextParameters(), AlinkLimits.SESSION_QOS, config.getKeepAliveInterval(),
                config.getConnectionTimeout(), config.getMaxInflight(), config.getMaxReconnectDelay());
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
        return new GatewayConnection(camelContext, paho, new AlinkProtocol(topics), config.getReplyThreads());
    }
}
