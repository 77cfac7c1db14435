package io.github.camel.iotgateway.simulator;

import com.huaweicloud.sdk.iot.device.client.requests.Command;
import com.huaweicloud.sdk.iot.device.client.requests.DeviceMessage;
import com.huaweicloud.sdk.iot.device.client.requests.PropsGet;
import com.huaweicloud.sdk.iot.device.client.requests.PropsSet;
import com.huaweicloud.sdk.iot.device.constants.Constants;
import com.huaweicloud.sdk.iot.device.gateway.AbstractGateway;
import com.huaweicloud.sdk.iot.device.gateway.GtwOperateSubDeviceListener;
import com.huaweicloud.sdk.iot.device.gateway.SubDevicesPersistence;
import com.huaweicloud.sdk.iot.device.gateway.requests.AddedSubDeviceInfo;
import com.huaweicloud.sdk.iot.device.gateway.requests.AddedSubDeviceInfoRsp;
import com.huaweicloud.sdk.iot.device.gateway.requests.DeviceInfo;
import com.huaweicloud.sdk.iot.device.gateway.requests.GtwAddSubDeviceRsp;
import com.huaweicloud.sdk.iot.device.gateway.requests.GtwDelSubDeviceRsp;
import com.huaweicloud.sdk.iot.device.gateway.requests.SubDevicesInfo;
import com.huaweicloud.sdk.iot.device.transport.ActionListener;
import com.huaweicloud.sdk.iot.device.transport.ConnectActionListener;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Huawei's own Java device SDK ({@code com.huaweicloud:iot-device-sdk-java}) as an independent client of the IoTDA
 * simulator: an {@link AbstractGateway} with secret authentication connects over plain TCP to the embedded broker,
 * where the platform's CONNECT check ({@link IotdaPlatformSimulator#connectAuthenticator}) admits it, and manages its
 * children through the SDK's own API. Whatever the simulator answers, the SDK must parse; whatever the SDK sends, the
 * simulator must take without a violation.
 *
 * <p>The real platform subscribes a device to its down topics implicitly (docs/protocol-notes.md B.1) and the SDK
 * relies on it; the embedded broker does not, so each gateway here subscribes to events/down explicitly through
 * {@code DeviceClient.subscribeTopic}, whose messages the SDK then dispatches as usual.
 */
class HuaweiDeviceSdkInteropTest {

    private static final String GW = "6650a1b2c3d4e5f6a7b8c9d0_gw01";
    private static final String SECRET = "examplePassw0rd";
    private static final String PRODUCT = "6650a1b2c3d4e5f6a7b8c9d0";
    private static final long WAIT_SECONDS = 10;
    private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

    private static EmbeddedMqttBroker broker;
    private static IotdaPlatformSimulator platform;
    /** CONNECTs the platform's check has seen, accepted or not. */
    private static final AtomicInteger connectAttempts = new AtomicInteger();

    /** The SDK's connect blocks (and, on failures other than 4, retries for ever): it runs here, bounded by a get. */
    private ExecutorService connector;
    private SdkGateway gateway;
    private Set<Thread> threadsBefore;
    /** Publishes the SDK reported as failed (it publishes at QoS 1 and hears of each PUBACK). */
    private final List<String> publishFailures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        broker = EmbeddedMqttBroker.start();
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), GW);
        ConnectAuthenticator check = platform.connectAuthenticator(SECRET);
        broker.setConnectAuthenticator((clientId, username, password) -> {
            if (clientId != null && clientId.startsWith(GW)) {
                connectAttempts.incrementAndGet();
            }
            return check.accept(clientId, username, password);
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
        broker.close();
    }

    @BeforeEach
    void fresh() {
        platform.reset();
        connectAttempts.set(0);
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
        connector = Executors.newSingleThreadExecutor(new DaemonThreads("huawei-sdk-connect"));
    }

    /**
     * Closes the SDK's client (its MQTT connection and its dispatch pool) and checks that what it started is gone: the
     * SDK's dispatch pool and Paho's ping timer are not daemon threads and would keep a JVM alive.
     */
    @AfterEach
    void closeTheSdk() {
        if (gateway != null) {
            gateway.getClient().close();
        }
        connector.shutdownNow();
        Await.until("the SDK's non-daemon threads to end", WAIT, () -> lingering().isEmpty());
        assertThat(publishFailures).isEmpty();
    }

    @Test
    void aGatewayBuiltWithTheSdkAddsReportsAndDeletesAChild() throws Exception {
        gateway = new SdkGateway(new InMemorySubDevices(), GW, SECRET);
        connect(gateway);
        String childId = PRODUCT + "_meter-001";

        AddedSubDeviceInfo child = new AddedSubDeviceInfo();
        child.setNodeId("meter-001");
        child.setProductId(PRODUCT);
        child.setName("meter 1");
        child.setExtensionInfo(Map.of("bus", "rs485", "addr", 1));
        String addId = UUID.randomUUID().toString();
        gateway.gtwAddSubDevice(List.of(child), addId, published("add"));

        GtwAddSubDeviceRsp added = gateway.addResponse(addId);
        assertThat(added.getAddedSubDeviceInfoRsps()).extracting(AddedSubDeviceInfoRsp::getDeviceId)
                .containsExactly(childId);
        assertThat(added.getAddedSubDeviceInfoRsps().get(0).getParentDeviceId()).isEqualTo(GW);
        assertThat(added.getAddedSubDeviceInfoRsps().get(0).getStatus()).isEqualTo(AddedDevice.STATUS_INACTIVE);
        assertThat(added.getAddSubDeviceFailedReasons()).isEmpty();
        assertThat(platform.children()).containsExactly(childId);

        // the SDK sends status without an event_id and has no callback for the response: watch the platform
        gateway.reportSubDeviceStatus(childId, "ONLINE", published("status"));
        Await.until("the child ONLINE at the platform", WAIT, () -> "ONLINE".equals(platform.childStatus(childId)));
        assertThat(platform.requestCount(EventType.SUB_DEVICE_UPDATE_STATUS)).isEqualTo(1);

        String deleteId = UUID.randomUUID().toString();
        gateway.gtwDelSubDevice(List.of(childId), deleteId, published("delete"));

        GtwDelSubDeviceRsp deleted = gateway.deleteResponse(deleteId);
        assertThat(deleted.getSuccessfulDevices()).containsExactly(childId);
        assertThat(deleted.getFailedDevices()).isEmpty();
        assertThat(platform.children()).isEmpty();

        assertThat(platform.requestCount(EventType.ADD_SUB_DEVICE_REQUEST)).isEqualTo(1);
        assertThat(platform.requestCount(EventType.DELETE_SUB_DEVICE_REQUEST)).isEqualTo(1);
        assertThat(platform.ignoredServices()).as("the SDK's own $sdk_info and $log events").isPositive();
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void theSdkReadsThePlatformsFailuresAndNoticesAndPersistsTheChildListVersion() throws Exception {
        InMemorySubDevices persistence = new InMemorySubDevices();
        gateway = new SdkGateway(persistence, GW, SECRET);
        connect(gateway);

        String deleteId = UUID.randomUUID().toString();
        gateway.gtwDelSubDevice(List.of(PRODUCT + "_nobody"), deleteId, published("delete"));
        GtwDelSubDeviceRsp failed = gateway.deleteResponse(deleteId);
        assertThat(failed.getSuccessfulDevices()).isEmpty();
        assertThat(failed.getFailedDevices()).singleElement().satisfies(f -> {
            assertThat(f.getDeviceId()).isEqualTo(PRODUCT + "_nobody");
            assertThat(f.getErrorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_NOT_FOUND);
        });

        platform.sendAddNotice(7, List.of(new AddedDevice(GW, "meter-009", PRODUCT + "_meter-009", "meter 9", null,
                null, null, PRODUCT, null, null, AddedDevice.STATUS_INACTIVE, null)));
        Await.until("the SDK to persist the add notice", WAIT, () -> persistence.getVersion() == 7);
        assertThat(persistence.getSubDevice("meter-009")).isNotNull()
                .extracting(DeviceInfo::getDeviceId).isEqualTo(PRODUCT + "_meter-009");

        platform.sendDeleteNotice(8, List.of(PRODUCT + "_meter-009"));
        Await.until("the SDK to persist the delete notice", WAIT, () -> persistence.getVersion() == 8);
        assertThat(persistence.getSubDevice("meter-009")).isNull();
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void theSdkConnectsWithTheTimestampCheckingSignTypeToo() throws Exception {
        gateway = new SdkGateway(new InMemorySubDevices(), GW, SECRET);
        gateway.getClient().getClientConf().setCheckStamp(Constants.CHECK_STAMP_SHA256_ON);

        connect(gateway);

        assertThat(connectAttempts.get()).isEqualTo(1);
        assertThat(platform.violations()).isEmpty();
    }

    /**
     * The known issue: Paho, which the SDK leaves at its default MQTT version, retries a refused CONNECT as MQTT 3.1.
     * The broker used to drop that retry (its 44-character ClientId is past 3.1's 23) without a CONNACK, Paho reported
     * "connection lost" instead of the refusal, and the SDK, which gives up only on 4, retried for ever. Now the retry
     * is refused with 4 as well, and the SDK reports it at once.
     */
    @Test
    void aWrongSecretIsReportedAsARefusalWithinSecondsInsteadOfEndlessRetries() throws Exception {
        gateway = new SdkGateway(new InMemorySubDevices(), GW, "not-the-secret");
        // the SDK replaces the connect listeners with its log listeners unless device logs are off
        gateway.getDeviceLogService().setLogSwitch(false);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        gateway.getClient().setConnectActionListener(new ConnectActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                failure.completeExceptionally(new AssertionError("connected with a wrong secret"));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                failure.complete(cause);
            }
        });
        long started = System.nanoTime();

        Future<Integer> result = connector.submit(gateway::init);

        assertThat(result.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("init's return code")
                .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.get(1, TimeUnit.SECONDS)).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        assertThat(connectAttempts.get()).as("the 3.1.1 CONNECT and Paho's 3.1 retry, both refused by the platform")
                .isEqualTo(2);
        assertThat(platform.violations()).isEmpty();
    }

    /** Connects (bounded) and subscribes to events/down, which the real platform would have done implicitly. */
    private void connect(SdkGateway sdkGateway) throws Exception {
        assertThat(connector.submit(sdkGateway::init).get(WAIT_SECONDS, TimeUnit.SECONDS)).as("init's return code")
                .isZero();
        CompletableFuture<Object> subscribed = new CompletableFuture<>();
        sdkGateway.getClient().subscribeTopic(platform.topics().eventsDown(), new ActionListener() {
            @Override
            public void onSuccess(Object context) {
                subscribed.complete(context);
            }

            @Override
            public void onFailure(Object context, Throwable cause) {
                subscribed.completeExceptionally(cause);
            }
        }, 1);
        subscribed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Notes a publish the SDK reports as failed; checked after each test. */
    private ActionListener published(String what) {
        return new ActionListener() {
            @Override
            public void onSuccess(Object context) {
            }

            @Override
            public void onFailure(Object context, Throwable cause) {
                publishFailures.add(what + ": " + cause);
            }
        };
    }

    /** Non-daemon threads started during the test that are still alive: the SDK's dispatch pool, Paho's ping timer. */
    private Set<String> lingering() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(name -> name.startsWith("pool-") || name.startsWith("MQTT"))
                .collect(Collectors.toSet());
    }

    /** A gateway as the SDK's demos build one: children are managed on the platform, nothing is forwarded. */
    private static final class SdkGateway extends AbstractGateway {

        private final Map<String, BlockingQueue<GtwAddSubDeviceRsp>> addResponses = new ConcurrentHashMap<>();
        private final Map<String, BlockingQueue<GtwDelSubDeviceRsp>> deleteResponses = new ConcurrentHashMap<>();

        SdkGateway(SubDevicesPersistence persistence, String deviceId, String secret) {
            // plain tcp: the SDK sets up TLS only for an ssl:// URI; no CA file then
            super(persistence, broker.brokerUrl(), deviceId, secret, null);
            setGtwOperateSubDeviceListener(new GtwOperateSubDeviceListener() {
                @Override
                public void onAddSubDeviceRsp(GtwAddSubDeviceRsp response, String eventId) {
                    addResponses.computeIfAbsent(eventId, id -> new LinkedBlockingQueue<>()).add(response);
                }

                @Override
                public void onDelSubDeviceRsp(GtwDelSubDeviceRsp response, String eventId) {
                    deleteResponses.computeIfAbsent(eventId, id -> new LinkedBlockingQueue<>()).add(response);
                }
            });
        }

        GtwAddSubDeviceRsp addResponse(String eventId) throws InterruptedException {
            GtwAddSubDeviceRsp response = addResponses.computeIfAbsent(eventId, id -> new LinkedBlockingQueue<>())
                    .poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(response).as("add_sub_device_response %s through the SDK", eventId).isNotNull();
            return response;
        }

        GtwDelSubDeviceRsp deleteResponse(String eventId) throws InterruptedException {
            GtwDelSubDeviceRsp response = deleteResponses.computeIfAbsent(eventId, id -> new LinkedBlockingQueue<>())
                    .poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(response).as("delete_sub_device_response %s through the SDK", eventId).isNotNull();
            return response;
        }

        @Override
        public void onSubdevCommand(String requestId, Command command) {
        }

        @Override
        public void onSubdevPropertiesSet(String requestId, PropsSet propsSet) {
        }

        @Override
        public void onSubdevPropertiesGet(String requestId, PropsGet propsGet) {
        }

        @Override
        public void onSubdevMessage(DeviceMessage message) {
        }
    }

    /** The SDK's child list, in memory: node_id to device, and the version of the last notice. */
    private static final class InMemorySubDevices implements SubDevicesPersistence {

        private final Map<String, DeviceInfo> byNodeId = new ConcurrentHashMap<>();
        private volatile long version;

        @Override
        public DeviceInfo getSubDevice(String nodeId) {
            return byNodeId.get(nodeId);
        }

        @Override
        public int addSubDevices(SubDevicesInfo info) {
            info.getDevices().forEach(device -> byNodeId.put(device.getNodeId(), device));
            version = info.getVersion();
            return 0;
        }

        @Override
        public int deleteSubDevices(SubDevicesInfo info) {
            info.getDevices().forEach(device -> byNodeId.remove(device.getNodeId()));
            version = info.getVersion();
            return 0;
        }

        @Override
        public long getVersion() {
            return version;
        }
    }
}
