package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.mqtt.GatewayEndpointOptions;
import io.github.camel.iotgateway.mqtt.GatewayExecutors;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of an alink-session endpoint; set on the component once, overridable per endpoint. */
@UriParams
public class AlinkSessionConfiguration implements GatewayEndpointOptions, Cloneable {

    /** The MQTT broker of the gateway, e.g. ssl://a1GwPk00001.iot-as-mqtt.cn-shanghai.aliyuncs.com:8883 or tcp://localhost:1883. */
    @UriParam(label = "common")
    @Metadata(required = true)
    private String brokerUrl;

    /** The ProductKey of the gateway device. */
    @UriParam(label = "common")
    @Metadata(required = true)
    private String gatewayProductKey;

    /** The DeviceName of the gateway device. */
    @UriParam(label = "common")
    @Metadata(required = true)
    private String gatewayDeviceName;

    /**
     * The DeviceSecret of the gateway device. When set, the component computes the gateway's documented MQTT CONNECT
     * clientId, username and HMAC-SHA256 password from it; userName, password and clientId are then ignored.
     */
    @UriParam(label = "security", secret = true)
    private String gatewayDeviceSecret;

    /** MQTT user name, used when no gatewayDeviceSecret is set (e.g. a local broker). */
    @UriParam(label = "security", secret = true)
    private String userName;

    /** MQTT password, used when no gatewayDeviceSecret is set. */
    @UriParam(label = "security", secret = true)
    private String password;

    /** MQTT clientId when no gatewayDeviceSecret is set; defaults to gatewayProductKey.gatewayDeviceName. */
    @UriParam(label = "common")
    private String clientId;

    /** TLS settings (trust store, key store, protocols) for ssl:// broker URLs; the JVM defaults when not set. */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    /**
     * A PEM file of CA certificates (file:, classpath: or a path) that the gateway's TLS trusts besides the JVM's, e.g.
     * the root CA a cloud's broker chains to when the JDK does not hold it. Not together with sslContextParameters.
     */
    @UriParam(label = "security")
    private String trustedCertificates;

    /** How long to wait for the platform's reply, in milliseconds, before the exchange fails with a timeout. */
    @UriParam(label = "producer", defaultValue = "10000")
    private long requestTimeout = 10_000;

    /**
     * Whether single login and logout exchanges that arrive together are sent as batch_login / batch_logout messages.
     * Each exchange still ends with its own sub-device's result.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean batching = true;

    /** Most sub-devices in one batch message (the platform takes at most 50). */
    @UriParam(label = "producer", defaultValue = "50")
    private int batchSize = AlinkLimits.MAX_BATCH_SIZE;

    /**
     * A batch of single exchanges is sent at most this many milliseconds after its first exchange joined it, or earlier: when
     * full, or when the gateway's wire goes quiet (no request awaiting its reply or the pace). A single exchange that
     * finds the wire quiet goes at once, so batching costs nothing when idle.
     */
    @UriParam(label = "producer", defaultValue = "50")
    private long batchTimeout = 50;

    /**
     * Most sub-devices this gateway holds online at once; a login over it fails without being sent. The given document
     * says 1000; Alibaba's current pages say 2000.
     */
    @UriParam(label = "producer", defaultValue = "1000")
    private int maxOnlineSubDevices = AlinkLimits.DEFAULT_MAX_ONLINE_SUB_DEVICES;

    /**
     * Whether to log the sub-devices the gateway held online in again, in batches, after its MQTT connection comes back:
     * the platform takes them offline with the gateway.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean reloginAfterReconnect = true;

    /**
     * Most login and batch_login requests the gateway sends in any second (the platform takes 200 a second to bring
     * sub-devices online); requests over it wait their turn, in order, within their requestTimeout. 0 for no cap.
     */
    @UriParam(label = "producer", defaultValue = "200")
    private int maxLoginsPerSecond = AlinkLimits.MAX_LOGIN_REQUESTS_PER_SECOND;

    /**
     * What maxLoginsPerSecond counts: requests (a batch_login of 50 is one, as the platform's limits page reads) or
     * subDevices (for an instance that counts the sub-devices in them).
     */
    @UriParam(label = "producer", defaultValue = "requests", enums = "requests,subDevices")
    private String loginPaceCounts = "requests";

    /**
     * Logins a sub-device may make in any minute (the platform throttles a sub-device past 5 with 429); a login over it
     * fails with AlinkRateLimitException before it is published. 0 for no budget.
     */
    @UriParam(label = "producer", defaultValue = "5")
    private int maxLoginsPerSubDevicePerMinute = AlinkLimits.MAX_LOGINS_PER_SUB_DEVICE_PER_MINUTE;

    /**
     * How often a request the platform throttled (429) is sent again, after pauses of 1 s, 2 s, 4 s, ..., within its
     * requestTimeout; then the exchange fails with AlinkRateLimitException. 0 sends it once.
     */
    @UriParam(label = "producer", defaultValue = "3")
    private int rateLimitRetries = 3;

    /**
     * The cleanSession sent with each login and batch_login entry whose sub-device names none: true (as every vendor
     * SDK and documented sample sends it) drops the QoS 1 messages a sub-device missed while offline.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean cleanSession = true;

    /**
     * Whether a 520 session error the platform pushes on /ext/error for a sub-device held online logs it in again (as
     * Alibaba's v3 device SDK does).
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean reloginOnSessionError;

    /** The HMAC method of login signs computed from a sub-device's secret. */
    @UriParam(label = "producer", defaultValue = "hmacSha256", enums = "hmacMd5,hmacSha1,hmacSha256")
    private String signMethod = SignMethod.HMAC_SHA256.wireName();

    /** QoS of session messages. The platform accepts only 0; any other value fails at endpoint creation. */
    @UriParam(label = "advanced", defaultValue = "0")
    private int qos = AlinkLimits.SESSION_QOS;

    /** MQTT keep-alive in seconds (the platform accepts 30 to 1200). */
    @UriParam(label = "advanced", defaultValue = "60")
    private int keepAliveInterval = 60;

    /** Seconds to wait for the broker when connecting. */
    @UriParam(label = "advanced", defaultValue = "10")
    private int connectionTimeout = 10;

    /** Messages Paho may have in flight; Paho's own default of 10 fails bursts with error 32202. */
    @UriParam(label = "advanced", defaultValue = "1000")
    private int maxInflight = 1000;

    /** Longest pause between reconnect attempts, in milliseconds. */
    @UriParam(label = "advanced", defaultValue = "30000")
    private int maxReconnectDelay = 30_000;

    /**
     * Threads that take replies off the MQTT client and complete exchanges, and as many that deliver the platform's
     * notices to events routes. Shared by all the component's gateways (a gateway costs no thread of its own besides
     * the MQTT client's); the first gateway to start sizes them.
     */
    @UriParam(label = "advanced", defaultValue = "4")
    private int replyThreads = 4;

    /**
     * How many of the component's gateways connect at once. The gateways started with the CamelContext connect in
     * parallel, and the context starts the route consumers once every one has connected (one the broker refuses fails
     * the start); after a broker restart a fleet reconnects at most this many at a time, and at most
     * maxReconnectsPerSecond a second. A connect takes a few round trips to the broker, so 32 at once bring a thousand
     * gateways up in a few seconds. Component-wide; the first gateway to start sets it.
     */
    @UriParam(label = "advanced", defaultValue = "32")
    private int maxParallelConnects = 32;

    /**
     * How many of the component's gateways may begin a reconnect within one second; 0 for no limit. After a broker
     * restart each gateway waits its own jittered back-off and then its turn, so that a fleet comes back spread out (a
     * thousand gateways over about ten seconds at 100) rather than all in the same second. The connects at the
     * CamelContext's start are bounded by maxParallelConnects alone. Component-wide; the first gateway to start sets
     * it.
     */
    @UriParam(label = "advanced", defaultValue = "100")
    private int maxReconnectsPerSecond = GatewayExecutors.DEFAULT_RECONNECTS_PER_SECOND;

    /**
     * Connect the gateway only on the node of a cluster that leads its namespace, through the CamelContext's Camel
     * cluster service (ZooKeeper, Kubernetes leases, a file lock, ...), and disconnect as soon as it no longer does:
     * the platform allows a gateway one connection. On the other nodes the endpoints start, and their requests fail
     * fast with GatewayNotLeaderException. Gateway-wide.
     */
    @UriParam(label = "cluster", defaultValue = "false")
    private boolean clustered;

    /**
     * The Camel cluster service that decides which node leads the gateway, when clustered; the CamelContext's own
     * cluster service when not set (e.g. a SpreadClusterService, to spread many gateways over the nodes). Gateway-wide.
     */
    @UriParam(label = "cluster")
    private CamelClusterService clusterService;

    /**
     * The gateway's namespace in the cluster service, when clustered: one per gateway. iot-gateway-GATEWAY by default
     * (GATEWAY: PK.DN of an Alibaba gateway, the device_id of a Huawei one); give the routes that should run only where
     * the gateway is led a ClusteredRoutePolicy on the same namespace. Gateway-wide.
     */
    @UriParam(label = "cluster")
    private String clusterNamespace;

    /**
     * Where the sub-devices the gateway holds online are kept (the signed login params that logged them in, never a
     * secret), under the gateway's PK.DN, so that the next process to lead the gateway (a restart, or another node of
     * a cluster: a ZooKeeperStateRepository) logs them in again on its first connect. In memory when not set.
     */
    @UriParam(label = "advanced")
    private StateRepository<String, String> stateRepository;

    /**
     * Makes the gateway's MQTT client; Eclipse Paho v3 when not set. For another MQTT library, or a test's scripted
     * client.
     */
    @UriParam(label = "advanced")
    private MqttClientFactory mqttClientFactory;

    public AlinkSessionConfiguration copy() {
        try {
            return (AlinkSessionConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public SignMethod signMethodValue() {
        return SignMethod.fromWireName(signMethod);
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getGatewayProductKey() {
        return gatewayProductKey;
    }

    public void setGatewayProductKey(String gatewayProductKey) {
        this.gatewayProductKey = gatewayProductKey;
    }

    public String getGatewayDeviceName() {
        return gatewayDeviceName;
    }

    public void setGatewayDeviceName(String gatewayDeviceName) {
        this.gatewayDeviceName = gatewayDeviceName;
    }

    public String getGatewayDeviceSecret() {
        return gatewayDeviceSecret;
    }

    public void setGatewayDeviceSecret(String gatewayDeviceSecret) {
        this.gatewayDeviceSecret = gatewayDeviceSecret;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public boolean isBatching() {
        return batching;
    }

    public void setBatching(boolean batching) {
        this.batching = batching;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBatchTimeout() {
        return batchTimeout;
    }

    public void setBatchTimeout(long batchTimeout) {
        this.batchTimeout = batchTimeout;
    }

    public int getMaxOnlineSubDevices() {
        return maxOnlineSubDevices;
    }

    public void setMaxOnlineSubDevices(int maxOnlineSubDevices) {
        this.maxOnlineSubDevices = maxOnlineSubDevices;
    }

    public boolean isReloginAfterReconnect() {
        return reloginAfterReconnect;
    }

    public void setReloginAfterReconnect(boolean reloginAfterReconnect) {
        this.reloginAfterReconnect = reloginAfterReconnect;
    }

    public int getMaxLoginsPerSecond() {
        return maxLoginsPerSecond;
    }

    public void setMaxLoginsPerSecond(int maxLoginsPerSecond) {
        this.maxLoginsPerSecond = maxLoginsPerSecond;
    }

    public String getLoginPaceCounts() {
        return loginPaceCounts;
    }

    public void setLoginPaceCounts(String loginPaceCounts) {
        this.loginPaceCounts = loginPaceCounts;
    }

    public int getMaxLoginsPerSubDevicePerMinute() {
        return maxLoginsPerSubDevicePerMinute;
    }

    public void setMaxLoginsPerSubDevicePerMinute(int maxLoginsPerSubDevicePerMinute) {
        this.maxLoginsPerSubDevicePerMinute = maxLoginsPerSubDevicePerMinute;
    }

    /** Whether the login pace counts the sub-devices of a request rather than the request. */
    public boolean loginPaceCountsSubDevices() {
        return "subDevices".equalsIgnoreCase(loginPaceCounts);
    }

    public boolean isReloginOnSessionError() {
        return reloginOnSessionError;
    }

    public void setReloginOnSessionError(boolean reloginOnSessionError) {
        this.reloginOnSessionError = reloginOnSessionError;
    }

    public int getRateLimitRetries() {
        return rateLimitRetries;
    }

    public void setRateLimitRetries(int rateLimitRetries) {
        this.rateLimitRetries = rateLimitRetries;
    }

    public boolean isCleanSession() {
        return cleanSession;
    }

    public void setCleanSession(boolean cleanSession) {
        this.cleanSession = cleanSession;
    }

    public String getSignMethod() {
        return signMethod;
    }

    public void setSignMethod(String signMethod) {
        this.signMethod = signMethod;
    }

    public int getQos() {
        return qos;
    }

    public void setQos(int qos) {
        this.qos = qos;
    }

    public int getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(int keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public int getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(int connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public int getMaxInflight() {
        return maxInflight;
    }

    public void setMaxInflight(int maxInflight) {
        this.maxInflight = maxInflight;
    }

    public int getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(int maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public int getReplyThreads() {
        return replyThreads;
    }

    public void setReplyThreads(int replyThreads) {
        this.replyThreads = replyThreads;
    }

    @Override
    public boolean isClustered() {
        return clustered;
    }

    public void setClustered(boolean clustered) {
        this.clustered = clustered;
    }

    @Override
    public CamelClusterService getClusterService() {
        return clusterService;
    }

    public void setClusterService(CamelClusterService clusterService) {
        this.clusterService = clusterService;
    }

    @Override
    public String getClusterNamespace() {
        return clusterNamespace;
    }

    public void setClusterNamespace(String clusterNamespace) {
        this.clusterNamespace = clusterNamespace;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    @Override
    public int getMaxParallelConnects() {
        return maxParallelConnects;
    }

    public void setMaxParallelConnects(int maxParallelConnects) {
        this.maxParallelConnects = maxParallelConnects;
    }

    @Override
    public int getMaxReconnectsPerSecond() {
        return maxReconnectsPerSecond;
    }

    public void setMaxReconnectsPerSecond(int maxReconnectsPerSecond) {
        this.maxReconnectsPerSecond = maxReconnectsPerSecond;
    }

    @Override
    public String getTrustedCertificates() {
        return trustedCertificates;
    }

    public void setTrustedCertificates(String trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }

    public MqttClientFactory getMqttClientFactory() {
        return mqttClientFactory;
    }

    public void setMqttClientFactory(MqttClientFactory mqttClientFactory) {
        this.mqttClientFactory = mqttClientFactory;
    }

    /** Names the gateway and broker, never a secret. */
    @Override
    public String toString() {
        return "AlinkSessionConfiguration[gateway=" + gatewayProductKey + "/" + gatewayDeviceName + ", broker=" + brokerUrl
               + "]";
    }
}
