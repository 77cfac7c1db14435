package io.github.camel.iotgateway.mqtt;

import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of a gateway endpoint that make its MQTT connection, whatever the cloud: both configurations have them. */
public interface GatewayEndpointOptions {

    String getBrokerUrl();

    SSLContextParameters getSslContextParameters();

    /** A PEM file of CA certificates the gateway's TLS trusts besides the JVM's. */
    String getTrustedCertificates();

    String getUserName();

    String getPassword();

    String getClientId();

    int getKeepAliveInterval();

    int getConnectionTimeout();

    int getMaxInflight();

    int getMaxReconnectDelay();

    int getReplyThreads();

    int getMaxParallelConnects();

    /** Gateways of the component that may begin a reconnect within a second; 0 for no limit. */
    int getMaxReconnectsPerSecond();

    MqttClientFactory getMqttClientFactory();

    /** Connect only on the node that leads the gateway's cluster namespace. */
    boolean isClustered();

    /** The cluster service deciding it; the CamelContext's when null. */
    CamelClusterService getClusterService();

    /** The gateway's namespace in it; the default when null. */
    String getClusterNamespace();
}
