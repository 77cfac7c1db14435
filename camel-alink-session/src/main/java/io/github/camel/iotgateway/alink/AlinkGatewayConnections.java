package io.github.camel.iotgateway.alink;

import java.util.Set;

import io.github.camel.iotgateway.mqtt.BrokerUrls;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayConnectionOptions;
import io.github.camel.iotgateway.mqtt.GatewaySockets;
import io.github.camel.iotgateway.mqtt.SharedGatewayOptions;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import org.apache.camel.CamelContext;

/** Builds the MQTT connection of an Alibaba gateway from the endpoint options. */
final class AlinkGatewayConnections {

    private AlinkGatewayConnections() {
    }

    static GatewayConnection create(CamelContext camelContext, AlinkSessionConfiguration config, SessionTopics topics) {
        MqttClientSettings mqtt = new MqttClientSettings(config.getBrokerUrl(),
                GatewaySockets.socketFactory(camelContext, config.getBrokerUrl(), config.getSslContextParameters()),
                config.getKeepAliveInterval(), config.getConnectionTimeout(), config.getMaxInflight());
        String clientId;
        ConnectIdentity identity;
        // a blank secret is an unset one, as an empty environment variable behind a placeholder gives
        if (config.getGatewayDeviceSecret() != null && !config.getGatewayDeviceSecret().isBlank()) {
            AlinkConnectCredentials credentials = AlinkConnectCredentials.of(config.getGatewayProductKey(),
                    config.getGatewayDeviceName(), config.getGatewayDeviceSecret(), System.currentTimeMillis(),
                    BrokerUrls.isTls(config.getBrokerUrl())
                            ? AlinkConnectCredentials.SECURE_MODE_TLS : AlinkConnectCredentials.SECURE_MODE_TCP);
            clientId = credentials.clientId();
            identity = new ConnectIdentity(credentials.username(), credentials.password());
        } else {
            clientId = config.getClientId() != null
                    ? config.getClientId() : config.getGatewayProductKey() + "." + config.getGatewayDeviceName();
            identity = new ConnectIdentity(config.getUserName(), config.getPassword());
        }
        GatewayConnectionOptions options = new GatewayConnectionOptions(mqtt, clientId, () -> identity,
                config.getMqttClientFactory() != null ? config.getMqttClientFactory() : new PahoClientFactory(),
                config.getMaxReconnectDelay(), config.getReplyThreads(),
                GatewayConnectionOptions.DEFAULT_INBOUND_QUEUE_SIZE, GatewayConnectionOptions.DEFAULT_NOTICE_QUEUE_SIZE);
        return new GatewayConnection(camelContext, options, new AlinkProtocol(topics));
    }

    /**
     * The options every endpoint of one gateway must agree on: they make its one connection, its batchers and its
     * online set. requestTimeout, batching and signMethod are per endpoint (each exchange waits as long as its
     * endpoint says; items with different timeouts never share a batch).
     */
    static SharedGatewayOptions sharedOptions(String endpointUri, AlinkSessionConfiguration c) {
        return new SharedGatewayOptions("alink-session", endpointUri,
                Set.of("gatewayDeviceSecret", "userName", "password"))
                .with("gatewayDeviceSecret", c.getGatewayDeviceSecret())
                .with("userName", c.getUserName())
                .with("password", c.getPassword())
                .with("clientId", c.getClientId())
                .with("sslContextParameters", c.getSslContextParameters())
                .with("batchSize", c.getBatchSize())
                .with("batchTimeout", c.getBatchTimeout())
                .with("maxOnlineSubDevices", c.getMaxOnlineSubDevices())
                .with("reloginAfterReconnect", c.isReloginAfterReconnect())
                .with("keepAliveInterval", c.getKeepAliveInterval())
                .with("connectionTimeout", c.getConnectionTimeout())
                .with("maxInflight", c.getMaxInflight())
                .with("maxReconnectDelay", c.getMaxReconnectDelay())
                .with("replyThreads", c.getReplyThreads())
                .with("mqttClientFactory", c.getMqttClientFactory());
    }
}
