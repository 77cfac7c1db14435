package io.github.camel.iotgateway.huawei.springboot;

import org.apache.camel.cluster.CamelClusterService;
import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Manage the child devices behind a Huawei Cloud IoTDA gateway (add, delete, report status) and receive the
 * platform's child-device events, over the gateway's one MQTT connection.
 *
 * <p>The {@code camel.component.huaweiiot.*} properties: one for each option of the component, with its description and
 * default (ComponentOptionsDriftTest holds them to the component's own metadata), bound by Spring Boot and set on the
 * component when Camel creates it. The secret options (gatewayDeviceSecret, userName, password) go to the component
 * alone: this class prints no value (it has no {@code toString}), and SecretsNeverShowInTheApplicationLogTest finds
 * none of them in the log of an application at every level.
 */
@ConfigurationProperties(prefix = "camel.component.huaweiiot")
public class HuaweiIotComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Connect the gateway only on the node of a cluster that leads its namespace, through the CamelContext's Camel
     * cluster service (ZooKeeper, Kubernetes leases, a file lock, ...), and disconnect as soon as it no longer does:
     * the platform allows a gateway one connection. On the other nodes the endpoints start, and their requests fail
     * fast with GatewayNotLeaderException. Gateway-wide.
     */
    private Boolean clustered = false;

    /**
     * The gateway's namespace in the cluster service, when clustered: one per gateway. iot-gateway-GATEWAY by default
     * (GATEWAY: PK.DN of an Alibaba gateway, the device_id of a Huawei one); give the routes that should run only where
     * the gateway is led a ClusteredRoutePolicy on the same namespace. Gateway-wide.
     */
    private String clusterNamespace;

    /**
     * The Camel cluster service that decides which node leads the gateway, when clustered; the CamelContext's own
     * cluster service when not set (e.g. a SpreadClusterService, to spread many gateways over the nodes). Gateway-wide.
     * The option is a org.apache.camel.cluster.CamelClusterService type.
     */
    private CamelClusterService clusterService;

    /**
     * Whether to enable auto configuration of the huaweiiot component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The MQTT broker of the IoTDA instance, e.g. ssl://xxxx.st1.iotda-device.cn-north-4.myhuaweicloud.com:8883 or
     * tcp://localhost:1883.
     */
    private String brokerUrl;

    /**
     * MQTT ClientId when no gatewayDeviceSecret is set; defaults to the gatewayDeviceId.
     */
    private String clientId;

    /**
     * The options shared by every endpoint of this component; each endpoint may override them. The option is a
     * io.github.camel.iotgateway.huawei.HuaweiIotConfiguration type. Set first: the other properties, their defaults
     * included, are then set on it.
     */
    private HuaweiIotConfiguration configuration;

    /**
     * The device_id of the gateway device; it names the gateway's topics
     * $oc/devices/{gatewayDeviceId}/sys/events/up and /down, so it must not contain a slash, a plus sign, a hash
     * sign or NUL.
     */
    private String gatewayDeviceId;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally
     * only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel
     * component to hook into the 3rd party component and make this possible for future releases. By default the
     * consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at
     * WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Where the version of the last child-device notice is kept, under the gateway's device_id, so that a
     * restarted process asks the platform for what changed since (e.g. a FileStateRepository). In memory when not
     * set. The option is a org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> type.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * Whether to send a sub_device_sync_request, with the version of the last child-device notice seen, on every
     * connect (the first one included, as Huawei's device SDK does): the platform then replays the add/delete
     * notices the gateway missed while it was offline or not running.
     */
    private Boolean syncOnConnect = true;

    /**
     * Whether single-device exchanges that arrive together for one gateway are sent as one request. Each exchange
     * still ends with its own device's outcome, as the platform answers per device.
     */
    private Boolean batching = true;

    /**
     * Most devices in one request made of single-device exchanges (1 to 50; the platform takes at most 50 adds or
     * deletes).
     */
    private Integer batchSize = 50;

    /**
     * A request made of single-device exchanges is sent at most this many milliseconds after its first exchange
     * joined it, or earlier: when full, or when the gateway's wire goes quiet (no request awaiting its reply or
     * the pace). A single exchange that finds the wire quiet goes at once, so batching costs nothing when idle.
     */
    private Long batchTimeout = 50L;

    /**
     * For a List body: whether a device the platform did not add, delete or update fails the whole exchange (with
     * an exception that still carries the full result) rather than being listed in the result's failed devices.
     */
    private Boolean failOnAnyDeviceFailure = false;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
     * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
     * be handled during routing messages via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time and prolong the total processing
     * time of the processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Whether to report the children this gateway last reported ONLINE as ONLINE again after each reconnect (the
     * platform marks them offline with the gateway), in update_sub_device_status requests of at most 100.
     */
    private Boolean reportStatusAfterReconnect = false;

    /**
     * How long to wait for the platform's response, in milliseconds, before the exchange fails with a timeout. The
     * platform documents that it answers within 30 s, so the default leaves a margin above that.
     */
    private Long requestTimeout = 40000L;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS
     * connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Seconds to wait for the broker when connecting.
     */
    private Integer connectionTimeout = 10;

    /**
     * MQTT keep-alive in seconds (the platform accepts 30 to 1200).
     */
    private Integer keepAliveInterval = 60;

    /**
     * Most payload bytes the gateway's connection publishes in any second (the platform's cap is 1 MB). 0 for no
     * cap.
     */
    private Long maxBytesPerSecond = 1048576L;

    /**
     * Messages Paho may have in flight; Paho's own default of 10 fails bursts with error 32202.
     */
    private Integer maxInflight = 1000;

    /**
     * Most messages the gateway's connection publishes in any second (the platform's cap per device connection is
     * 50; it throttles past it). Requests over it wait their turn, in order, within their requestTimeout. 0 for no
     * cap.
     */
    private Integer maxMessagesPerSecond = 50;

    /**
     * How many of the component's gateways connect at once. The gateways started with the CamelContext connect in
     * parallel, and the context starts the route consumers once every one has connected (one the broker refuses
     * fails the start); after a broker restart a fleet reconnects at most this many at a time, and at most
     * maxReconnectsPerSecond a second. A connect takes a few round trips to the broker, so 32 at once bring a
     * thousand gateways up in a few seconds. Component-wide; the first gateway to start sets it.
     */
    private Integer maxParallelConnects = 32;

    /**
     * How many of the component's gateways may begin a reconnect within one second; 0 for no limit. After a broker
     * restart each gateway waits its own jittered back-off and then its turn, so that a fleet comes back spread out
     * (a thousand gateways over about ten seconds at 100) rather than all in the same second. The connects at the
     * CamelContext's start are bounded by maxParallelConnects alone. Component-wide; the first gateway to start sets
     * it.
     */
    private Integer maxReconnectsPerSecond = 100;

    /**
     * Longest pause between reconnect attempts, in milliseconds.
     */
    private Integer maxReconnectDelay = 30000;

    /**
     * Makes the gateway's MQTT client; Eclipse Paho v3 when not set. For another MQTT library, or a test's
     * scripted client. The option is a io.github.camel.iotgateway.mqtt.client.MqttClientFactory type.
     */
    private MqttClientFactory mqttClientFactory;

    /**
     * QoS of the requests: 0 or 1 (the platform does not support 2, so 2 fails at endpoint creation). The
     * events/down subscription is always QoS 1.
     */
    private Integer qos = 1;

    /**
     * Threads that take replies off the MQTT client and complete exchanges, and as many that deliver the
     * platform's notices to events routes. Shared by all the component's gateways (a gateway costs no thread of
     * its own besides the MQTT client's); the first gateway to start sizes them.
     */
    private Integer replyThreads = 4;

    /**
     * Whether the platform should check the CONNECT timestamp against its clock (signType 1) rather than not
     * (signType 0). Only used with gatewayDeviceSecret. The identity is computed for each connect, so a reconnect
     * in a later hour signs that hour.
     */
    private Boolean checkTimestamp = false;

    /**
     * The secret of the gateway device. When set, the component computes the documented MQTT CONNECT identity from
     * it: ClientId {device_id}_0_{signType}_{yyyyMMddHH} (signType 1 with checkTimestamp, else 0), Username
     * device_id, Password the lowercase hex HMAC-SHA256 of the secret keyed by the timestamp; userName, password
     * and clientId are then ignored.
     */
    private String gatewayDeviceSecret;

    /**
     * MQTT password, used when no gatewayDeviceSecret is set.
     */
    private String password;

    /**
     * TLS settings (trust store, key store, protocols) for ssl:// broker URLs; the JVM defaults when not set. The
     * option is a org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * A PEM file of CA certificates (file:, classpath: or a path) that the gateway's TLS trusts besides the JVM's,
     * e.g. the root CA a cloud's broker chains to when the JDK does not hold it. Not together with
     * sslContextParameters.
     */
    private String trustedCertificates;

    /**
     * MQTT user name, used when no gatewayDeviceSecret is set (e.g. a local broker).
     */
    private String userName;

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public HuaweiIotConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HuaweiIotConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getGatewayDeviceId() {
        return gatewayDeviceId;
    }

    public void setGatewayDeviceId(String gatewayDeviceId) {
        this.gatewayDeviceId = gatewayDeviceId;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Boolean getSyncOnConnect() {
        return syncOnConnect;
    }

    public void setSyncOnConnect(Boolean syncOnConnect) {
        this.syncOnConnect = syncOnConnect;
    }

    public Boolean getBatching() {
        return batching;
    }

    public void setBatching(Boolean batching) {
        this.batching = batching;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Long getBatchTimeout() {
        return batchTimeout;
    }

    public void setBatchTimeout(Long batchTimeout) {
        this.batchTimeout = batchTimeout;
    }

    public Boolean getFailOnAnyDeviceFailure() {
        return failOnAnyDeviceFailure;
    }

    public void setFailOnAnyDeviceFailure(Boolean failOnAnyDeviceFailure) {
        this.failOnAnyDeviceFailure = failOnAnyDeviceFailure;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getReportStatusAfterReconnect() {
        return reportStatusAfterReconnect;
    }

    public void setReportStatusAfterReconnect(Boolean reportStatusAfterReconnect) {
        this.reportStatusAfterReconnect = reportStatusAfterReconnect;
    }

    public Long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Integer connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public Integer getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Integer keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Long getMaxBytesPerSecond() {
        return maxBytesPerSecond;
    }

    public void setMaxBytesPerSecond(Long maxBytesPerSecond) {
        this.maxBytesPerSecond = maxBytesPerSecond;
    }

    public Integer getMaxInflight() {
        return maxInflight;
    }

    public void setMaxInflight(Integer maxInflight) {
        this.maxInflight = maxInflight;
    }

    public Integer getMaxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public void setMaxMessagesPerSecond(Integer maxMessagesPerSecond) {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    public Integer getMaxParallelConnects() {
        return maxParallelConnects;
    }

    public void setMaxParallelConnects(Integer maxParallelConnects) {
        this.maxParallelConnects = maxParallelConnects;
    }

    public Integer getMaxReconnectsPerSecond() {
        return maxReconnectsPerSecond;
    }

    public void setMaxReconnectsPerSecond(Integer maxReconnectsPerSecond) {
        this.maxReconnectsPerSecond = maxReconnectsPerSecond;
    }

    public Integer getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Integer maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public MqttClientFactory getMqttClientFactory() {
        return mqttClientFactory;
    }

    public void setMqttClientFactory(MqttClientFactory mqttClientFactory) {
        this.mqttClientFactory = mqttClientFactory;
    }

    public Integer getQos() {
        return qos;
    }

    public void setQos(Integer qos) {
        this.qos = qos;
    }

    public Integer getReplyThreads() {
        return replyThreads;
    }

    public void setReplyThreads(Integer replyThreads) {
        this.replyThreads = replyThreads;
    }

    public Boolean getCheckTimestamp() {
        return checkTimestamp;
    }

    public void setCheckTimestamp(Boolean checkTimestamp) {
        this.checkTimestamp = checkTimestamp;
    }

    public String getGatewayDeviceSecret() {
        return gatewayDeviceSecret;
    }

    public void setGatewayDeviceSecret(String gatewayDeviceSecret) {
        this.gatewayDeviceSecret = gatewayDeviceSecret;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getTrustedCertificates() {
        return trustedCertificates;
    }

    public void setTrustedCertificates(String trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public Boolean getClustered() {
        return clustered;
    }

    public void setClustered(Boolean clustered) {
        this.clustered = clustered;
    }

    public String getClusterNamespace() {
        return clusterNamespace;
    }

    public void setClusterNamespace(String clusterNamespace) {
        this.clusterNamespace = clusterNamespace;
    }

    public CamelClusterService getClusterService() {
        return clusterService;
    }

    public void setClusterService(CamelClusterService clusterService) {
        this.clusterService = clusterService;
    }
}
