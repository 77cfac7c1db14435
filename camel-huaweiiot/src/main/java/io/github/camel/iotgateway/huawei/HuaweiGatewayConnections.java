package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayExecutors;
import io.github.camel.iotgateway.mqtt.GatewayConnectionOptions;
import io.github.camel.iotgateway.mqtt.SharedGatewayOptions;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.cluster.GatewayCluster;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.CamelContext;

/** Builds the MQTT connection of a Huawei IoTDA gateway from the endpoint options. */
final class HuaweiGatewayConnections {

    private HuaweiGatewayConnections() {
    }

    /**
     * @param clock     gives the hour each CONNECT identity is computed for
     * @param executors the threads shared by the component's gateways
     */
    static GatewayConnection create(CamelContext camelContext, HuaweiIotConfiguration config, IotdaTopics topics,
                                    Clock clock, GatewayExecutors executors) {
        return new GatewayConnection(camelContext, options(camelContext, config, clock).withExecutors(executors)
                .withCluster(GatewayCluster.forEndpoint(camelContext, "huaweiiot", config, topics.gatewayDeviceId())),
                new IotdaProtocol(topics));
    }

    /** @param clock gives the hour the CONNECT identity is computed for */
    static GatewayConnectionOptions options(CamelContext camelContext, HuaweiIotConfiguration config, Clock clock) {
        if (config.getGatewayDeviceSecret() != null && !config.getGatewayDeviceSecret().isBlank()) {
            String deviceId = config.getGatewayDeviceId();
            String secret = config.getGatewayDeviceSecret();
            int signType = config.isCheckTimestamp()
                    ? IotdaConnectCredentials.SIGN_TYPE_TIMESTAMP_CHECK
                    : IotdaConnectCredentials.SIGN_TYPE_NO_TIMESTAMP_CHECK;
            // computed for each connect: the clientId and password carry the hour of connecting, which the platform
            // checks with checkTimestamp, so a reconnect in a later hour must not reuse the first one's
            return GatewayConnectionOptions.of(camelContext, config, deviceId, () -> {
                IotdaConnectCredentials credentials = IotdaConnectCredentials.of(deviceId, secret, clock.instant(),
                        signType);
                return new ConnectIdentity(credentials.clientId(), credentials.username(), credentials.password());
            }).withPace(config.getMaxMessagesPerSecond(), config.getMaxBytesPerSecond());
        }
        ConnectIdentity identity = new ConnectIdentity(config.getUserName(), config.getPassword());
        return GatewayConnectionOptions.of(camelContext, config,
                config.getClientId() != null ? config.getClientId() : config.getGatewayDeviceId(), () -> identity)
                .withPace(config.getMaxMessagesPerSecond(), config.getMaxBytesPerSecond());
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
                .with("syncOnConnect", c.isSyncOnConnect())
                .with("reportStatusAfterReconnect", c.isReportStatusAfterReconnect())
                .with("stateRepository", c.getStateRepository())
                .with("maxMessagesPerSecond", c.getMaxMessagesPerSecond())
                .with("maxBytesPerSecond", c.getMaxBytesPerSecond());
    }
}
