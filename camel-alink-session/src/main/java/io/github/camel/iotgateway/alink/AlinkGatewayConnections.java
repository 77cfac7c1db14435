package io.github.camel.iotgateway.alink;

import java.util.Set;

import io.github.camel.iotgateway.mqtt.BrokerUrls;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayConnectionOptions;
import io.github.camel.iotgateway.mqtt.GatewayExecutors;
import io.github.camel.iotgateway.mqtt.SharedGatewayOptions;
import io.github.camel.iotgateway.mqtt.TopicPace;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.cluster.GatewayCluster;
import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.PlatformPushes;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.TopologyTopics;
import org.apache.camel.CamelContext;

/** Builds the MQTT connection of an Alibaba gateway from the endpoint options. */
final class AlinkGatewayConnections {

    private AlinkGatewayConnections() {
    }

    /** @param executors the threads shared by the component's gateways */
    static GatewayConnection create(CamelContext camelContext, AlinkSessionConfiguration config, SessionTopics topics,
                                    GatewayExecutors executors) {
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
        GatewayConnectionOptions options = GatewayConnectionOptions.of(camelContext, config, clientId, () -> identity)
                .withExecutors(executors)
                .withCluster(GatewayCluster.forEndpoint(camelContext, AlinkSessionComponent.SCHEME, config,
                        config.getGatewayProductKey() + "." + config.getGatewayDeviceName()));
        if (config.getMaxLoginsPerSecond() > 0) {
            // the platform's cap covers the requests that bring sub-devices online
            Set<String> loginTopics = Set.of(topics.request(SessionOperation.LOGIN),
                    topics.request(SessionOperation.BATCH_LOGIN));
            options = options.withTopicPace(new TopicPace(loginTopics::contains, config.getMaxLoginsPerSecond(),
                    config.loginPaceCountsSubDevices() ? "sub-devices" : "login requests"));
        }
        String pk = config.getGatewayProductKey();
        String dn = config.getGatewayDeviceName();
        return new GatewayConnection(camelContext, options,
                new AlinkProtocol(topics, new TopologyTopics(pk, dn), new PlatformPushes(pk, dn)));
    }

    /**
     * The options every endpoint of one gateway must agree on: they make its one connection, its batchers and its
     * online set. requestTimeout, batching and signMethod are per endpoint (each exchange waits as long as its
     * endpoint says; items with different timeouts never share a batch).
     */
    static SharedGatewayOptions sharedOptions(String endpointUri, AlinkSessionConfiguration c) {
        return SharedGatewayOptions.ofConnection("alink-session", endpointUri, c, "gatewayDeviceSecret")
                .with("gatewayDeviceSecret", c.getGatewayDeviceSecret())
                .with("batchSize", c.getBatchSize())
                .with("batchTimeout", c.getBatchTimeout())
                .with("maxOnlineSubDevices", c.getMaxOnlineSubDevices())
                .with("reloginAfterReconnect", c.isReloginAfterReconnect())
                .with("maxLoginsPerSecond", c.getMaxLoginsPerSecond())
                .with("loginPaceCounts", c.getLoginPaceCounts())
                .with("maxLoginsPerSubDevicePerMinute", c.getMaxLoginsPerSubDevicePerMinute())
                .with("rateLimitRetries", c.getRateLimitRetries())
                .with("reloginOnSessionError", c.isReloginOnSessionError())
                .with("stateRepository", c.getStateRepository());
    }
}
