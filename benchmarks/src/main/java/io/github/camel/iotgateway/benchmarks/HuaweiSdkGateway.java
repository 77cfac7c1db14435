package io.github.camel.iotgateway.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.huaweicloud.sdk.iot.device.client.requests.Command;
import com.huaweicloud.sdk.iot.device.client.requests.DeviceMessage;
import com.huaweicloud.sdk.iot.device.client.requests.PropsGet;
import com.huaweicloud.sdk.iot.device.client.requests.PropsSet;
import com.huaweicloud.sdk.iot.device.gateway.AbstractGateway;
import com.huaweicloud.sdk.iot.device.gateway.GtwOperateSubDeviceListener;
import com.huaweicloud.sdk.iot.device.gateway.SubDevicesPersistence;
import com.huaweicloud.sdk.iot.device.gateway.requests.DeviceInfo;
import com.huaweicloud.sdk.iot.device.gateway.requests.GtwAddSubDeviceRsp;
import com.huaweicloud.sdk.iot.device.gateway.requests.GtwDelSubDeviceRsp;
import com.huaweicloud.sdk.iot.device.gateway.requests.SubDevicesInfo;
import com.huaweicloud.sdk.iot.device.transport.ActionListener;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;

/**
 * The peer of huaweiiot: a gateway on Huawei's own Java device SDK ({@code com.huaweicloud:iot-device-sdk-java}), as
 * its demos build one, deleting children the way its API has it: {@code gtwDelSubDevice} with an event_id of the
 * caller's, the response handed to the {@link GtwOperateSubDeviceListener} with the same event_id, on the SDK's own
 * dispatch thread. The SDK publishes at QoS 1 with maxInflight 1000, on its Paho client with default socket options.
 * <p>
 * The real platform subscribes a device to its down topics itself (docs/protocol-notes.md B.1) and the SDK relies on
 * it; a plain broker does not, so events/down is subscribed here through the SDK, which then dispatches its messages
 * as usual (as in platform-simulators' HuaweiDeviceSdkInteropTest).
 */
final class HuaweiSdkGateway extends AbstractGateway implements AutoCloseable {

    private static final long CONNECT_WAIT_SECONDS = 20;

    private final Map<String, CompletableFuture<GtwDelSubDeviceRsp>> deletes = new ConcurrentHashMap<>();
    /** The threads the SDK handed responses on: its dispatch pool, whose threads carry no gateway's name. */
    private final Set<Thread> dispatchThreads = ConcurrentHashMap.newKeySet();
    private final String deviceId;

    private HuaweiSdkGateway(String brokerUrl, String deviceId, String secret) {
        super(new NoChildren(), brokerUrl, deviceId, secret, null);
        this.deviceId = deviceId;
        setGtwOperateSubDeviceListener(new GtwOperateSubDeviceListener() {
            @Override
            public void onAddSubDeviceRsp(GtwAddSubDeviceRsp response, String eventId) {
                // adds are not measured
            }

            @Override
            public void onDelSubDeviceRsp(GtwDelSubDeviceRsp response, String eventId) {
                dispatchThreads.add(Thread.currentThread());
                CompletableFuture<GtwDelSubDeviceRsp> pending = deletes.remove(eventId);
                if (pending != null) {
                    pending.complete(response);
                }
            }
        });
    }

    /**
     * Connects with the SDK's {@code init} (it blocks, and on failures other than a refusal retries for ever: bounded
     * here) and subscribes to events/down.
     */
    static HuaweiSdkGateway connect(String brokerUrl, String deviceId, String secret) throws Exception {
        HuaweiSdkGateway gateway = new HuaweiSdkGateway(brokerUrl, deviceId, secret);
        ExecutorService connector = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "huawei-sdk-connect");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int code = connector.submit(gateway::init).get(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
            if (code != 0) {
                throw new IllegalStateException("the SDK's init returned " + code);
            }
        } finally {
            connector.shutdownNow();
        }
        CompletableFuture<Object> subscribed = new CompletableFuture<>();
        gateway.getClient().subscribeTopic(new IotdaTopics(deviceId).eventsDown(), new ActionListener() {
            @Override
            public void onSuccess(Object context) {
                subscribed.complete(context);
            }

            @Override
            public void onFailure(Object context, Throwable cause) {
                subscribed.completeExceptionally(cause);
            }
        }, 1);
        subscribed.get(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
        return gateway;
    }

    /**
     * Whether {@code thread} is one of this gateway's: its Paho client's (named after its clientId, which begins with
     * the device id), or one the SDK handed a response on.
     */
    boolean owns(Thread thread) {
        return thread.getName().contains(deviceId) || dispatchThreads.contains(thread);
    }

    /** The SDK's version, from the pom.properties in its jar, e.g. {@code 1.2.0}. */
    static String version() {
        try (java.io.InputStream in = AbstractGateway.class.getResourceAsStream(
                "/META-INF/maven/com.huaweicloud/iot-device-sdk-java/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    /** Deletes up to 50 children in one request; the future gives how many the response lists as deleted. */
    CompletableFuture<Integer> delete(List<String> deviceIds, long timeoutMillis) {
        String eventId = UUID.randomUUID().toString();
        CompletableFuture<GtwDelSubDeviceRsp> response = new CompletableFuture<>();
        deletes.put(eventId, response);
        gtwDelSubDevice(deviceIds, eventId, new ActionListener() {
            @Override
            public void onSuccess(Object context) {
                // the response, not the PUBACK, ends a request
            }

            @Override
            public void onFailure(Object context, Throwable cause) {
                response.completeExceptionally(cause);
            }
        });
        return response.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).handle((r, failure) -> {
            deletes.remove(eventId);
            return failure == null && r.getSuccessfulDevices() != null ? r.getSuccessfulDevices().size() : 0;
        });
    }

    @Override
    public void close() {
        getClient().close();
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

    /** The SDK's local child list, which the deletes do not need: nothing kept. */
    private static final class NoChildren implements SubDevicesPersistence {

        @Override
        public DeviceInfo getSubDevice(String nodeId) {
            return null;
        }

        @Override
        public int addSubDevices(SubDevicesInfo info) {
            return 0;
        }

        @Override
        public int deleteSubDevices(SubDevicesInfo info) {
            return 0;
        }

        @Override
        public long getVersion() {
            return 0;
        }
    }
}
