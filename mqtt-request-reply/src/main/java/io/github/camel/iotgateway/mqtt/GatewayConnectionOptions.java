package io.github.camel.iotgateway.mqtt;

import java.util.function.Supplier;

import io.github.camel.iotgateway.mqtt.cluster.GatewayCluster;
import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import org.apache.camel.CamelContext;

/**
 * Everything a {@link GatewayConnection} is made from. A component builds it from its endpoint options and its
 * cloud's CONNECT identity; {@link #toString()} shows no secret (the identity is a supplier, asked at each connect).
 *
 * @param mqtt                    the MQTT client's options
 * @param clientId                the MQTT clientId: one per gateway, as the clouds allow a device one connection
 * @param identity                the CONNECT user name and password, computed for each connect
 * @param clientFactory           makes the MQTT client (Paho by default; a test's scripted client)
 * @param maxReconnectDelayMillis longest pause between reconnect attempts
 * @param replyThreads            threads that complete exchanges with replies, timeouts and failures
 * @param inboundQueueSize        received messages that may wait to be decoded before more are dropped
 * @param noticeQueueSize         platform notices that may wait for the events route before more are dropped
 * @param maxMessagesPerSecond    the platform's cap on this connection's messages a second (0: none)
 * @param maxBytesPerSecond       the platform's cap on this connection's payload bytes a second (0: none)
 * @param topicPace               the platform's cap on some of the requests (Alibaba's logins); {@code null}: none
 * @param executors               the component's shared threads; {@code null}: the connection makes its own
 * @param cluster                 where the gateway's leadership is decided; {@code null}: not clustered, always connect
 */
public record GatewayConnectionOptions(MqttClientSettings mqtt, String clientId, Supplier<ConnectIdentity> identity,
        MqttClientFactory clientFactory, long maxReconnectDelayMillis, int replyThreads, int inboundQueueSize,
        int noticeQueueSize, int maxMessagesPerSecond, long maxBytesPerSecond, TopicPace topicPace,
        GatewayExecutors executors, GatewayCluster cluster) {

    public static final int DEFAULT_INBOUND_QUEUE_SIZE = 100_000;
    public static final int DEFAULT_NOTICE_QUEUE_SIZE = 10_000;

    public GatewayConnectionOptions {
        if (replyThreads < 1) {
            throw new InvalidGatewayOptionException("replyThreads must be at least 1 but was " + replyThreads);
        }
        if (inboundQueueSize < 1 || noticeQueueSize < 1) {
            throw new InvalidGatewayOptionException("inbound and notice queue sizes must be positive");
        }
        if (maxMessagesPerSecond < 0 || maxBytesPerSecond < 0) {
            throw new InvalidGatewayOptionException("the pace caps must be 0 (none) or positive");
        }
    }

    /** Options without a pace: every publish goes at once. */
    public GatewayConnectionOptions(MqttClientSettings mqtt, String clientId, Supplier<ConnectIdentity> identity,
                                    MqttClientFactory clientFactory, long maxReconnectDelayMillis, int replyThreads,
                                    int inboundQueueSize, int noticeQueueSize) {
        this(mqtt, clientId, identity, clientFactory, maxReconnectDelayMillis, replyThreads, inboundQueueSize,
                noticeQueueSize, 0, 0, null, null, null);
    }

    /**
     * The same options with the platform's caps on this connection's publishes (0 for none).
     *
     * @param maxMessagesPerSecond messages a second, in any window of a second
     * @param maxBytesPerSecond    payload bytes a second, in any window of a second
     */
    public GatewayConnectionOptions withPace(int maxMessagesPerSecond, long maxBytesPerSecond) {
        return new GatewayConnectionOptions(mqtt, clientId, identity, clientFactory, maxReconnectDelayMillis,
                replyThreads, inboundQueueSize, noticeQueueSize, maxMessagesPerSecond, maxBytesPerSecond, topicPace,
                executors, cluster);
    }

    /** The same options with a platform's cap on some of the requests ({@code null} for none). */
    public GatewayConnectionOptions withTopicPace(TopicPace topicPace) {
        return new GatewayConnectionOptions(mqtt, clientId, identity, clientFactory, maxReconnectDelayMillis,
                replyThreads, inboundQueueSize, noticeQueueSize, maxMessagesPerSecond, maxBytesPerSecond, topicPace,
                executors, cluster);
    }

    /**
     * The same options on threads shared with the component's other gateways ({@code null}: the connection makes a
     * set of its own, sized by replyThreads).
     */
    public GatewayConnectionOptions withExecutors(GatewayExecutors executors) {
        return new GatewayConnectionOptions(mqtt, clientId, identity, clientFactory, maxReconnectDelayMillis,
                replyThreads, inboundQueueSize, noticeQueueSize, maxMessagesPerSecond, maxBytesPerSecond, topicPace,
                executors, cluster);
    }

    /**
     * The same options for a clustered gateway: it connects only while this node leads {@code cluster}'s namespace
     * ({@code null}: not clustered).
     */
    public GatewayConnectionOptions withCluster(GatewayCluster cluster) {
        return new GatewayConnectionOptions(mqtt, clientId, identity, clientFactory, maxReconnectDelayMillis,
                replyThreads, inboundQueueSize, noticeQueueSize, maxMessagesPerSecond, maxBytesPerSecond, topicPace,
                executors, cluster);
    }

    /**
     * The options of an endpoint's connection, with the cloud's clientId and CONNECT identity; Paho unless the endpoint
     * names another client factory.
     */
    public static GatewayConnectionOptions of(CamelContext camelContext, GatewayEndpointOptions endpoint, String clientId,
                                              Supplier<ConnectIdentity> identity) {
        MqttClientSettings mqtt = new MqttClientSettings(endpoint.getBrokerUrl(),
                GatewaySockets.socketFactory(camelContext, endpoint.getBrokerUrl(), endpoint.getSslContextParameters(),
                        endpoint.getTrustedCertificates()),
                endpoint.getKeepAliveInterval(), endpoint.getConnectionTimeout(), endpoint.getMaxInflight());
        return new GatewayConnectionOptions(mqtt, clientId, identity,
                endpoint.getMqttClientFactory() != null ? endpoint.getMqttClientFactory() : new PahoClientFactory(),
                endpoint.getMaxReconnectDelay(), endpoint.getReplyThreads(), DEFAULT_INBOUND_QUEUE_SIZE,
                DEFAULT_NOTICE_QUEUE_SIZE);
    }

    public String brokerUrl() {
        return mqtt.brokerUrl();
    }
}
