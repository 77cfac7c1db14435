package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayConnectionOptions;
import io.github.camel.iotgateway.mqtt.SharedGatewayOptions;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.CamelContext;

/** Builds the MQTT connection of a Huawei IoTDA gateway from the endpoint options. */
final class HuaweiGatewayConnections {

    private HuaweiGatewayConnections() {
    }

    static GatewayConnection create(CamelContext camelContext, HuaweiIotConfiguration config, IotdaTopics topics) {
        return new GatewayConnection(camelContext, options(camelContext, config, Clock.systemUTC()),
                new IotdaProtocol(topics));
    }

    /** @param clock gives the hour the CONNECT identity is computed for */
    static GatewayConnectionOptions options(CamelContext camelContext, HuaweiIotConfiguration config, Clock clock) {
        String clientId;
        ConnectIdentity identity;
        if (config.getGatewayDeviceSecret() != null && !config.getGatewayDeviceSecret().isBlank()) {
            // one clientId per client, so the timestamp in it stays that of the first connect across reconnects:
            // harmless for signType 0, which is why checkTimestamp defaults to false
            IotdaConnectCredentials credentials = IotdaConnectCredentials.of(config.getGatewayDeviceId(),
                    config.getGatewayDeviceSecret(), clock.instant(),
                    config.isCheckTimestamp()
                            ? IotdaConnectCredentials.SIGN_TYPE_TIMESTAMP_CHECK
                            : IotdaConnectCredentials.SIGN_TYPE_NO_TIMESTAMP_CHECK);
            clientId = credentials.clientId();
            identity = new ConnectIdentity(credentials.username(), credentials.password());
        } else {
            clientId = config.getClientId() != null ? config.getClientId() : config.getGatewayDeviceId();
            identity = new ConnectIdentity(config.getUserName(), config.getPassword());
        }
        return GatewayConnectionOptions.of(camelContext, config, clientId, () -> identity);
    }

    /**
     * The options every endpoint of one gateway must agree on: they make its one connection, its batchers and its
     * resync. requestTimeout, batching and failOnAnyDeviceFailure are per endpoint (items with different timeouts
     * never share a request).
     */
    static SharedGatewayOptions sharedOptions(String endpointUri, HuaweiIotConfiguration c) {
        return SharedGatewayOptions.ofConnection("huaweiiot", endpointUri, c, "gatewayDeviceSecret")
                .with("gatewayDeviceSecret", c.getGatewayDeviceSecret())
                .with("checkTimestamp", c.isCheckTimestamp())
                .with("qos", c.getQos())
                .with("batchSize", c.getBatchSize())
                .with("batchTimeout", c.getBatchTimeout())
                .with("syncAfterReconnect", c.isSyncAfterReconnect());
    }
}
