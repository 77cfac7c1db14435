package io.github.camel.iotgateway.huawei;

import io.github.camel.iotgateway.mqtt.GatewayEndpointOptions;
import io.github.camel.iotgateway.mqtt.GatewayExecutors;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of a huaweiiot endpoint; set on the component once, overridable per endpoint. */
@UriParams
public class HuaweiIotConfiguration implements GatewayEndpointOptions, Cloneable {

    /** The MQTT broker of the IoTDA instance, e.g. ssl://xxxx.st1.iotda-device.cn-north-4.myhuaweicloud.com:8883 or tcp://localhost:1883. */
    @UriParam(label = "common")
    @Metadata(required = true)
    private String brokerUrl;

    /**
     * The device_id of the gateway device; it names the gateway's topics $oc/devices/{gatewayDeviceId}/sys/events/up and
     * /down, so it must not contain a slash, a plus sign, a hash sign or NUL.
     */
    @UriParam(label = "common")
    @Metadata(required = true)
    private String gatewayDeviceId;

    /**
     * The secret of the gateway device. When set, the component computes the documented MQTT CONNECT identity from it:
     * ClientId {device_id}_0_{signType}_{yyyyMMddHH} (signType 1 with checkTimestamp, else 0), Username device_id,
     * Password the lowercase hex HMAC-SHA256 of the secret keyed by the timestamp; userName, password and clientId are
     * then ignored.
     */
    @UriParam(label = "security", secret = true)
    private String gatewayDeviceSecret;

    /**
     * Whether the platform should check the CONNECT timestamp against its clock (signType 1) rather than not (signType
     * 0). Only used with gatewayDeviceSecret. The identity is computed for each connect, so a reconnect in a later hour
     * signs that hour.
     */
    @UriParam(label = "security", defaultValue = "false")
    private boolean checkTimestamp;

    /** MQTT user name, used when no gatewayDeviceSecret is set (e.g. a local broker). */
    @UriParam(label = "security", secret = true)
    private String userName;

    /** MQTT password, used when no gatewayDeviceSecret is set. */
    @UriParam(label = "security", secret = true)
    private String password;

    /** MQTT ClientId when no gatewayDeviceSecret is set; defaults to the gatewayDeviceId. */
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

    /**
     * How long to wait for the platform's response, in milliseconds, before the exchange fails with a timeout. The
     * platform documents that it answers within 30 s, so the default leaves a margin above that.
     */
    @UriParam(label = "producer", defaultValue = "40000")
    private long requestTimeout = 40_000;

    /**
     * Whether single-device exchanges that arrive together for one gateway are sent as one request. Each exchange still
     * ends with its own device's outcome, as the platform answers per device.
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean batching = true;

    /** Most devices in one request made of single-device exchanges (1 to 50; the platform takes at most 50 adds or deletes). */
    @UriParam(label = "producer", defaultValue = "50")
    private int batchSize = 50;

    /**
     * A request made of single-device exchanges is sent at most this many milliseconds after its first exchange joined
     * it, or earlier: when full, or when the gateway's wire goes quiet (no request awaiting its reply or the pace). A single
     * exchange that finds the wire quiet goes at once, so batching costs nothing when idle.
     */
    @UriParam(label = "producer", defaultValue = "50")
    private long batchTimeout = 50;

    /**
     * For a List body: whether a device the platform did not add, delete or update fails the whole exchange (with an
     * exception that still carries the full result) rather than being listed in the result's failed devices.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean failOnAnyDeviceFailure;

    /**
     * Whether to send a sub_device_sync_request, with the version of the last child-device notice seen, on every
     * connect (the first one included, as Huawei's device SDK does): the platform then replays the add/delete notices
     * the gateway missed while it was offline or not running.
     */
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean syncOnConnect = true;

    /**
     * Whether to report the children this gateway last reported ONLINE as ONLINE again after each reconnect (the
     * platform marks them offline with the gateway), in update_sub_device_status requests of at most 100.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean reportStatusAfterReconnect;

    /**
     * Where the version of the last child-device notice is kept, under the gateway's device_id, so that a restarted
     * process asks the platform for what changed since (e.g. a FileStateRepository). In memory when not set.
     */
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;

    /**
     * Most messages the gateway's connection publishes in any second (the platform's cap per device connection is 50;
     * it throttles past it). Requests over it wait their turn, in order, within their requestTimeout. 0 for no cap.
     */
    @UriParam(label = "advanced", defaultValue = "50")
    private int maxMessagesPerSecond = IotdaLimits.MAX_MESSAGES_PER_SECOND;

    /** Most payload bytes the gateway's connection publishes in any second (the platform's cap is 1 MB). 0 for no cap. */
    @UriParam(label = "advanced", defaultValue = "1048576")
    private long maxBytesPerSecond = IotdaLimits.MAX_BYTES_PER_SECOND;

    /**
     * QoS of the requests: 0 or 1 (the platform does not support 2, so 2 fails at endpoint creation). The events/down
     * subscription is always QoS 1.
     */
    @UriParam(label = "advanced", defaultValue = "1", enums = "0,1")
    private int qos = 1;

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
     * Makes the gateway's MQTT client; Eclipse Paho v3 when not set. For another MQTT library, or a test's scripted
     * client.
     */
    @UriParam(label = "advanced")
    private MqttClientFactory mqttClientFactory;

    public HuaweiIotConfiguration copy() {
        try {
            return (HuaweiIotConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBrokerUrl() {
        return brokerUrl;
    }

    public void setBrokerUrl(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    public String getGatewayDeviceId() {
        return gatewayDeviceId;
    }

    public void setGatewayDeviceId(String gatewayDeviceId) {
        this.gatewayDeviceId = gatewayDeviceId;
    }

    public String getGatewayDeviceSecret() {
        return gatewayDeviceSecret;
    }

    public void setGatewayDeviceSecret(String gatewayDeviceSecret) {
        this.gatewayDeviceSecret = gatewayDeviceSecret;
    }

    public boolean isCheckTimestamp() {
        return checkTimestamp;
    }

    public void setCheckTimestamp(boolean checkTimestamp) {
        this.checkTimestamp = checkTimestamp;
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

    public boolean isFailOnAnyDeviceFailure() {
        return failOnAnyDeviceFailure;
    }

    public void setFailOnAnyDeviceFailure(boolean failOnAnyDeviceFailure) {
        this.failOnAnyDeviceFailure = failOnAnyDeviceFailure;
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

    /** Names the gateway and broker, never a secret. */
    public boolean isSyncOnConnect() {
        return syncOnConnect;
    }

    public void setSyncOnConnect(boolean syncOnConnect) {
        this.syncOnConnect = syncOnConnect;
    }

    public boolean isReportStatusAfterReconnect() {
        return reportStatusAfterReconnect;
    }

    public void setReportStatusAfterReconnect(boolean reportStatusAfterReconnect) {
        this.reportStatusAfterReconnect = reportStatusAfterReconnect;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public int getMaxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public void setMaxMessagesPerSecond(int maxMessagesPerSecond) {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    public long getMaxBytesPerSecond() {
        return maxBytesPerSecond;
    }

    public void setMaxBytesPerSecond(long maxBytesPerSecond) {
        this.maxBytesPerSecond = maxBytesPerSecond;
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

    @Override
    public String toString() {
        return "HuaweiIotConfiguration[gateway=" + gatewayDeviceId + ", broker=" + brokerUrl + "]";
    }
}
