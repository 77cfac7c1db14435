package io.github.camel.iotgateway.alink.springboot;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.cluster.CamelClusterService;
import io.github.camel.iotgateway.alink.AlinkSessionConfiguration;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Log the sub-devices behind an Alibaba Cloud IoT Platform gateway in and out (Alink sub-device sessions), and
 * attach them to the gateway (topology), over the gateway's one MQTT connection.
 *
 * <p>The {@code camel.component.alink-session.*} properties: one for each option of the component, with its description and
 * default (ComponentOptionsDriftTest holds them to the component's own metadata), bound by Spring Boot and set on the
 * component when Camel creates it. The secret options (gatewayDeviceSecret, userName, password) go to the component
 * alone: this class prints no value (it has no {@code toString}), and SecretsNeverShowInTheApplicationLogTest finds
 * none of them in the log of an application at every level.
 */
@ConfigurationProperties(prefix = "camel.component.alink-session")
public class AlinkSessionComponentConfiguration extends ComponentConfigurationPropertiesCommon {

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
     * Where the sub-devices the gateway holds online are kept (the signed login params that logged them in, never a
     * secret), under the gateway's PK.DN, so that the next process to lead the gateway (a restart, or another node of a
     * cluster: a ZooKeeperStateRepository) logs them in again on its first connect. In memory when not set. The option
     * is a org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> type.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * Whether to enable auto configuration of the alink-session component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The MQTT broker of the gateway, e.g. ssl://a1GwPk00001.iot-as-mqtt.cn-shanghai.aliyuncs.com:8883 or
     * tcp://localhost:1883.
     */
    private String brokerUrl;

    /**
     * MQTT clientId when no gatewayDeviceSecret is set; defaults to gatewayProductKey.gatewayDeviceName.
     */
    private String clientId;

    /**
     * The options shared by every endpoint of this component; each endpoint may override them. The option is a
     * io.github.camel.iotgateway.alink.AlinkSessionConfiguration type. Set first: the other properties, their defaults
     * included, are then set on it.
     */
    private AlinkSessionConfiguration configuration;

    /**
     * The DeviceName of the gateway device.
     */
    private String gatewayDeviceName;

    /**
     * The ProductKey of the gateway device.
     */
    private String gatewayProductKey;

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
     * Whether single login and logout exchanges that arrive together are sent as batch_login / batch_logout
     * messages. Each exchange still ends with its own sub-device's result.
     */
    private Boolean batching = true;

    /**
     * Most sub-devices in one batch message (the platform takes at most 50).
     */
    private Integer batchSize = 50;

    /**
     * A batch of single exchanges is sent at most this many milliseconds after its first exchange joined it, or
     * earlier: when full, or when the gateway's wire goes quiet (no request awaiting its reply or the pace). A
     * single exchange that finds the wire quiet goes at once, so batching costs nothing when idle.
     */
    private Long batchTimeout = 50L;

    /**
     * The cleanSession sent with each login and batch_login entry whose sub-device names none: true (as every
     * vendor SDK and documented sample sends it) drops the QoS 1 messages a sub-device missed while offline.
     */
    private Boolean cleanSession = true;

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
     * What maxLoginsPerSecond counts: requests (a batch_login of 50 is one, as the platform's limits page reads)
     * or subDevices (for an instance that counts the sub-devices in them).
     */
    private String loginPaceCounts = "requests";

    /**
     * Most login and batch_login requests the gateway sends in any second (the platform takes 200 a second to
     * bring sub-devices online); requests over it wait their turn, in order, within their requestTimeout. 0 for no
     * cap.
     */
    private Integer maxLoginsPerSecond = 200;

    /**
     * Logins a sub-device may make in any minute (the platform throttles a sub-device past 5 with 429); a login
     * over it fails with AlinkRateLimitException before it is published. 0 for no budget.
     */
    private Integer maxLoginsPerSubDevicePerMinute = 5;

    /**
     * Most sub-devices this gateway holds online at once; a login over it fails without being sent. The given
     * document says 1000; Alibaba's current pages say 2000.
     */
    private Integer maxOnlineSubDevices = 1000;

    /**
     * How often a request the platform throttled (429) is sent again, after pauses of 1 s, 2 s, 4 s, ..., within
     * its requestTimeout; then the exchange fails with AlinkRateLimitException. 0 sends it once.
     */
    private Integer rateLimitRetries = 3;

    /**
     * Whether to log the sub-devices the gateway held online in again, in batches, after its MQTT connection comes
     * back: the platform takes them offline with the gateway.
     */
    private Boolean reloginAfterReconnect = true;

    /**
     * Whether a 520 session error the platform pushes on /ext/error for a sub-device held online logs it in again
     * (as Alibaba's v3 device SDK does).
     */
    private Boolean reloginOnSessionError = false;

    /**
     * How long to wait for the platform's reply, in milliseconds, before the exchange fails with a timeout.
     */
    private Long requestTimeout = 10000L;

    /**
     * The HMAC method of login signs computed from a sub-device's secret.
     */
    private String signMethod = "hmacSha256";

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
     * Messages Paho may have in flight; Paho's own default of 10 fails bursts with error 32202.
     */
    private Integer maxInflight = 1000;

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
     * QoS of session messages. The platform accepts only 0; any other value fails at endpoint creation.
     */
    private Integer qos = 0;

    /**
     * Threads that take replies off the MQTT client and complete exchanges, and as many that deliver the
     * platform's notices to events routes. Shared by all the component's gateways (a gateway costs no thread of
     * its own besides the MQTT client's); the first gateway to start sizes them.
     */
    private Integer replyThreads = 4;

    /**
     * The DeviceSecret of the gateway device. When set, the component computes the gateway's documented MQTT
     * CONNECT clientId, username and HMAC-SHA256 password from it; userName, password and clientId are then
     * ignored.
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

    public AlinkSessionConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AlinkSessionConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getGatewayDeviceName() {
        return gatewayDeviceName;
    }

    public void setGatewayDeviceName(String gatewayDeviceName) {
        this.gatewayDeviceName = gatewayDeviceName;
    }

    public String getGatewayProductKey() {
        return gatewayProductKey;
    }

    public void setGatewayProductKey(String gatewayProductKey) {
        this.gatewayProductKey = gatewayProductKey;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
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

    public Boolean getCleanSession() {
        return cleanSession;
    }

    public void setCleanSession(Boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getLoginPaceCounts() {
        return loginPaceCounts;
    }

    public void setLoginPaceCounts(String loginPaceCounts) {
        this.loginPaceCounts = loginPaceCounts;
    }

    public Integer getMaxLoginsPerSecond() {
        return maxLoginsPerSecond;
    }

    public void setMaxLoginsPerSecond(Integer maxLoginsPerSecond) {
        this.maxLoginsPerSecond = maxLoginsPerSecond;
    }

    public Integer getMaxLoginsPerSubDevicePerMinute() {
        return maxLoginsPerSubDevicePerMinute;
    }

    public void setMaxLoginsPerSubDevicePerMinute(Integer maxLoginsPerSubDevicePerMinute) {
        this.maxLoginsPerSubDevicePerMinute = maxLoginsPerSubDevicePerMinute;
    }

    public Integer getMaxOnlineSubDevices() {
        return maxOnlineSubDevices;
    }

    public void setMaxOnlineSubDevices(Integer maxOnlineSubDevices) {
        this.maxOnlineSubDevices = maxOnlineSubDevices;
    }

    public Integer getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(Integer rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public Boolean getReloginAfterReconnect() {
        return reloginAfterReconnect;
    }

    public void setReloginAfterReconnect(Boolean reloginAfterReconnect) {
        this.reloginAfterReconnect = reloginAfterReconnect;
    }

    public Boolean getReloginOnSessionError() {
        return reloginOnSessionError;
    }

    public void setReloginOnSessionError(Boolean reloginOnSessionError) {
        this.reloginOnSessionError = reloginOnSessionError;
    }

    public Long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getSignMethod() {
        return signMethod;
    }

    public void setSignMethod(String signMethod) {
        this.signMethod = signMethod;
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

    public Integer getMaxInflight() {
        return maxInflight;
    }

    public void setMaxInflight(Integer maxInflight) {
        this.maxInflight = maxInflight;
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

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }
}
