package io.github.camel.iotgateway.huawei;

import java.time.Clock;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayPahoConfigurations;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.PahoConfiguration;

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
        PahoConfiguration paho = GatewayPahoConfigurations.gateway(camelContext, config.getBrokerUrl(),
                config.getSslContextParameters(), config.getQos(), config.getKeepAliveInterval(),
                config.getConnectionTimeout(), config.getMaxInflight(), config.getMaxReconnectDelay());
        if (config.getGatewayDeviceSecret() != null && !config.getGatewayDeviceSecret().isBlank()) {
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
        return paho;
    }
}
