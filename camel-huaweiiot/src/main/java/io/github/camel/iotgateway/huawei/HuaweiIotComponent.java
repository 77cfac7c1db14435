package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.util.Map;

import io.github.camel.iotgateway.mqtt.BrokerUrls;
import io.github.camel.iotgateway.mqtt.GatewayComponentSupport;
import io.github.camel.iotgateway.mqtt.GatewayRegistry;
import io.github.camel.iotgateway.protocol.common.TopicSegments;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The huaweiiot component: child devices of Huawei Cloud IoTDA gateways. */
@Component("huaweiiot")
public class HuaweiIotComponent extends GatewayComponentSupport<HuaweiGatewayClient> {

    static final String SCHEME = "huaweiiot";

    @Metadata
    private HuaweiIotConfiguration configuration = new HuaweiIotConfiguration();

    /** The clock CONNECT identities are signed with; a test moves it across an hour. */
    private Clock clock = Clock.systemUTC();

    public HuaweiIotComponent() {
        super(HuaweiIotConfiguration.class);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HuaweiIotConfiguration endpointConfiguration = configuration.copy();
        HuaweiIotEndpoint endpoint = new HuaweiIotEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        validate(endpoint);
        return endpoint;
    }

    /** Refuses, at creation, an endpoint that could never send a valid request or subscribe to the gateway's events. */
    private static void validate(HuaweiIotEndpoint endpoint) {
        endpoint.operation();
        HuaweiIotConfiguration c = endpoint.getConfiguration();
        BrokerUrls.requireValid(SCHEME, c.getBrokerUrl());
        BrokerUrls.requireSet(SCHEME, "gatewayDeviceId", c.getGatewayDeviceId());
        // the id is spliced into $oc/devices/{id}/sys/events/up and /down
        TopicSegments.requireSafe("gatewayDeviceId", c.getGatewayDeviceId());
        if (c.getQos() != 0 && c.getQos() != 1) {
            throw new IllegalArgumentException("huaweiiot publishes at QoS 0 or 1 (IoTDA does not support QoS 2); qos="
                                               + c.getQos() + " is not allowed");
        }
        if (c.getBatchSize() < 1 || c.getBatchSize() > IotdaLimits.MAX_DELETE_DEVICES) {
            throw new IllegalArgumentException("batchSize must be 1 to " + IotdaLimits.MAX_DELETE_DEVICES + " but was "
                                               + c.getBatchSize());
        }
        if (c.getRequestTimeout() <= 0 || c.getBatchTimeout() <= 0) {
            throw new IllegalArgumentException("requestTimeout and batchTimeout must be positive");
        }
        if (c.getMaxMessagesPerSecond() < 0 || c.getMaxBytesPerSecond() < 0) {
            throw new IllegalArgumentException("maxMessagesPerSecond and maxBytesPerSecond must be 0 (no cap) or positive");
        }
        if (c.getReplyThreads() < 1) {
            throw new IllegalArgumentException("replyThreads must be at least 1");
        }
    }

    /**
     * The client of the endpoint's gateway, shared with every endpoint that names the same gateway and broker.
     *
     * @throws io.github.camel.iotgateway.mqtt.InvalidGatewayOptionException when the endpoint disagrees with the
     *         gateway's other endpoints on a gateway-wide option
     */
    HuaweiGatewayClient acquireClient(HuaweiIotEndpoint endpoint) throws Exception {
        HuaweiIotConfiguration config = endpoint.getConfiguration();
        String key = GatewayRegistry.key(config.getBrokerUrl(), config.getGatewayDeviceId());
        return acquireClient(key, HuaweiGatewayConnections.sharedOptions(endpoint.getEndpointUri(), config), () -> {
            IotdaTopics topics = new IotdaTopics(config.getGatewayDeviceId());
            return new HuaweiGatewayClient(getCamelContext(),
                    HuaweiGatewayConnections.create(getCamelContext(), config, topics, clock, sharedExecutors(config)),
                    topics, config);
        });
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    public HuaweiIotConfiguration getConfiguration() {
        return configuration;
    }

    /** The options shared by every endpoint of this component; each endpoint may override them. */
    public void setConfiguration(HuaweiIotConfiguration configuration) {
        this.configuration = configuration;
    }
}
