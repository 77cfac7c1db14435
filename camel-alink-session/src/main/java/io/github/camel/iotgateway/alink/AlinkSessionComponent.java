package io.github.camel.iotgateway.alink;

import java.util.Map;

import io.github.camel.iotgateway.mqtt.BrokerUrls;
import io.github.camel.iotgateway.mqtt.GatewayComponentSupport;
import io.github.camel.iotgateway.mqtt.GatewayRegistry;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.AlinkNames;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.common.TopicSegments;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The alink-session component: sub-device sessions of Alibaba Cloud IoT Platform gateways. */
@Component("alink-session")
public class AlinkSessionComponent extends GatewayComponentSupport<AlinkSessionClient> {

    static final String SCHEME = "alink-session";

    @Metadata
    private AlinkSessionConfiguration configuration = new AlinkSessionConfiguration();

    public AlinkSessionComponent() {
        super(AlinkSessionConfiguration.class);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AlinkSessionConfiguration endpointConfiguration = configuration.copy();
        AlinkSessionEndpoint endpoint = new AlinkSessionEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        validate(endpoint);
        return endpoint;
    }

    /** Refuses, at creation, an endpoint that could never send a valid session message. */
    private static void validate(AlinkSessionEndpoint endpoint) {
        if (!endpoint.isEvents() && endpoint.topologyOperation() == null) {
            SessionOperation.fromName(endpoint.getOperation());
        }
        AlinkSessionConfiguration c = endpoint.getConfiguration();
        BrokerUrls.requireValid(SCHEME, c.getBrokerUrl());
        BrokerUrls.requireSet(SCHEME, "gatewayProductKey", c.getGatewayProductKey());
        BrokerUrls.requireSet(SCHEME, "gatewayDeviceName", c.getGatewayDeviceName());
        TopicSegments.requireSafe("gatewayProductKey", c.getGatewayProductKey());
        TopicSegments.requireSafe("gatewayDeviceName", c.getGatewayDeviceName());
        AlinkNames.requireProductKey("gatewayProductKey", c.getGatewayProductKey());
        AlinkNames.requireDeviceName("gatewayDeviceName", c.getGatewayDeviceName());
        if (c.getQos() != AlinkLimits.SESSION_QOS) {
            throw new IllegalArgumentException("alink-session sends session messages at QoS 0 only (the platform refuses"
                                               + " other QoS for login/logout); qos=" + c.getQos() + " is not allowed");
        }
        if (c.getBatchSize() < 1 || c.getBatchSize() > AlinkLimits.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1 to " + AlinkLimits.MAX_BATCH_SIZE + " but was "
                                               + c.getBatchSize());
        }
        if (c.getRequestTimeout() <= 0 || c.getBatchTimeout() <= 0) {
            throw new IllegalArgumentException("requestTimeout and batchTimeout must be positive");
        }
        if (c.getMaxOnlineSubDevices() < 1) {
            throw new IllegalArgumentException("maxOnlineSubDevices must be positive");
        }
        if (c.getReplyThreads() < 1) {
            throw new IllegalArgumentException("replyThreads must be at least 1");
        }
        SignMethod.fromWireName(c.getSignMethod());
    }

    /**
     * The session client of the endpoint's gateway, shared with every endpoint that names the same gateway and broker.
     *
     * @throws io.github.camel.iotgateway.mqtt.InvalidGatewayOptionException when the endpoint disagrees with the
     *         gateway's other endpoints on a gateway-wide option
     */
    AlinkSessionClient acquireClient(AlinkSessionEndpoint endpoint) throws Exception {
        AlinkSessionConfiguration config = endpoint.getConfiguration();
        String key = GatewayRegistry.key(config.getBrokerUrl(),
                config.getGatewayProductKey() + "/" + config.getGatewayDeviceName());
        return acquireClient(key, AlinkGatewayConnections.sharedOptions(endpoint.getEndpointUri(), config), () -> {
            SessionTopics topics = new SessionTopics(config.getGatewayProductKey(), config.getGatewayDeviceName());
            return new AlinkSessionClient(getCamelContext(),
                    AlinkGatewayConnections.create(getCamelContext(), config, topics, sharedExecutors(config)), topics,
                    config);
        });
    }

    public AlinkSessionConfiguration getConfiguration() {
        return configuration;
    }

    /** The options shared by every endpoint of this component; each endpoint may override them. */
    public void setConfiguration(AlinkSessionConfiguration configuration) {
        this.configuration = configuration;
    }
}
