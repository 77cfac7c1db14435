package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceNoticeParas;
import io.github.camel.iotgateway.protocol.iotda.AddSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceNoticeParas;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.DeletedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusResponseParas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays Huawei Cloud IoTDA for one gateway's child devices: it subscribes to {@code $oc/devices/{gw}/sys/events/up},
 * checks add_sub_device_request, delete_sub_device_request and sub_device_update_status the way the platform does
 * (docs/protocol-notes.md B.3–B.5) and answers each on {@code …/sys/events/down} with {@code object_device_id} = the gateway,
 * the same {@code event_id} and the {@code _response} event type. Results are per device:
 * <ul>
 * <li>delete: 1 to 50 device_id strings; a known child is deleted, an unknown one fails with
 * {@link IotdaSimulatorCodes#DEVICE_NOT_FOUND};</li>
 * <li>add: 1 to 50 devices with node_id and product_id, extension_info an object of at most 1024 bytes; the device_id
 * is the given one or {@code product_id_node_id}; one that exists already, or twice in the request, fails with
 * {@link IotdaSimulatorCodes#DEVICE_ALREADY_EXISTS}; an added child starts INACTIVE;</li>
 * <li>status: 1 to 100 {device_id, status ONLINE|OFFLINE}; unknown children fail.</li>
 * </ul>
 * A request over its count limit is rejected whole (every device it names failed with
 * {@link IotdaSimulatorCodes#INVALID_PARAMETER}) and recorded as a violation, as are: a malformed entry, a malformed
 * event_time, an event_id not of 36 letters, digits and hyphens, an unreadable message, and a publish at QoS 2 (not
 * answered: IoTDA supports QoS 0 and 1).
 *
 * <p>What the platform tolerates is no violation (docs/protocol-notes.md B.1): a request without event_id (missing or
 * null, as the Java SDK's demos send) gets one the platform makes up, is acted upon and answered with it; a service
 * whose service_id is not {@code $sub_device_manager} (the SDK's {@code $log}, {@code $sdk_info}, …) is not this
 * simulator's business and is ignored, counted in {@link #ignoredServices()}.
 *
 * <p>Every notice sent with {@link #sendAddNotice} / {@link #sendDeleteNotice} is remembered with its version. A
 * sub_device_sync_request with {@code paras.version} V makes the simulator publish again, in version order, every
 * remembered notice with a version above V (all of them without a version), as fresh add_sub_device_notify /
 * delete_sub_device_notify events; there is no sync response event (B.6).
 *
 * <p>{@link #connectAuthenticator(String)} gives the broker the platform's CONNECT check for the gateway, including the
 * signType 1 hour stamp against the simulator's clock ({@link #start(String, String, Clock)}). Misbehaviour switches as
 * on the Alink simulator, with {@link #misbehaviourCounts()} telling what they did.
 *
 * <p>Rate caps ({@link Builder#rateLimits}, {@link #setRateLimits}): the platform takes at most 50 upstream messages
 * and 1 MB per second on a device's connection (B.2). With caps set, a message on events/up that would make the
 * messages or the payload bytes let through within the last window (950 ms by default, see {@link Builder#rateWindow})
 * exceed a cap is recorded as a violation and dropped, as a throttled platform would: not read, not counted as a
 * request, not acted upon, not answered; {@link #throttledMessages()} counts them. On by default, at the platform's
 * figures; {@code rateLimits(0, 0)} turns them off (a test flooding the platform on purpose).
 */
public final class IotdaPlatformSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IotdaPlatformSimulator.class);
    /** A message is delivered at the lower of publish and subscription QoS: at 2 the publisher's QoS shows. */
    private static final int OBSERVE_PUBLISHER_QOS = 2;
    /** Down events go at QoS 1; the broker lowers it to what the gateway subscribed with (0 when implicit). */
    private static final int DOWN_QOS = 1;
    private static final String OWN_CLIENT_ID_PREFIX = "iotda-platform-sim-";

    /** The platform's cap on upstream messages per second on one device connection, 50 (docs/protocol-notes.md B.2). */
    public static final int PLATFORM_MESSAGES_PER_SECOND = IotdaLimits.MAX_MESSAGES_PER_SECOND;
    /** The platform's cap on upstream bytes per second on one device connection, 1 MB (docs/protocol-notes.md B.2). */
    public static final long PLATFORM_BYTES_PER_SECOND = IotdaLimits.MAX_BYTES_PER_SECOND;
    /** The window the rate caps are measured over unless {@link Builder#rateWindow} says otherwise. */
    public static final Duration DEFAULT_RATE_WINDOW = UpstreamRateCaps.DEFAULT_WINDOW;

    /** A notice sent, kept for the sync requests that ask for the changes after a version. */
    private record Notice(EventType type, long version, Object paras) {
    }

    private final IotdaTopics topics;
    private final ChildRegistry registry = new ChildRegistry();
    private final IotdaChildRules rules;
    private final Map<EventType, AtomicLong> requestCounts = new EnumMap<>(EventType.class);
    private final ViolationLog violations = new ViolationLog("IoTDA");
    private final ReplyBehaviour behaviour;
    private final Clock clock;
    private final PlatformConnection connection;
    private final AtomicLong ignoredServices = new AtomicLong();
    private final AtomicLong syncRequests = new AtomicLong();
    private final AtomicLong throttledMessages = new AtomicLong();
    private final UpstreamRateCaps rateCaps;
    /** The caps given to the builder, restored by {@link #reset()}. */
    private final int initialMessagesPerSecond;
    private final long initialBytesPerSecond;
    /** Every notice sent since start or {@link #reset()}, in sending order; guarded by itself. */
    private final List<Notice> notices = new ArrayList<>();
    private volatile Long lastSyncVersion;

    private IotdaPlatformSimulator(Builder builder) {
        String brokerUrl = builder.brokerUrl;
        String gatewayDeviceId = builder.gatewayDeviceId;
        this.clock = builder.clock;
        this.initialMessagesPerSecond = builder.messagesPerSecond;
        this.initialBytesPerSecond = builder.bytesPerSecond;
        this.rateCaps = new UpstreamRateCaps(builder.rateWindow, builder.messagesPerSecond, builder.bytesPerSecond);
        this.topics = new IotdaTopics(gatewayDeviceId);
        this.rules = new IotdaChildRules(registry, gatewayDeviceId);
        for (EventType type : EventType.values()) {
            requestCounts.put(type, new AtomicLong());
        }
        this.behaviour = new ReplyBehaviour("iotda-platform-sim-replies");
        try {
            this.connection = PlatformConnection.open(brokerUrl, OWN_CLIENT_ID_PREFIX, topics.eventsUp(),
                    OBSERVE_PUBLISHER_QOS, this::onMessage);
        } catch (RuntimeException e) {
            behaviour.close();
            throw e;
        }
        LOG.info("IoTDA platform simulator for gateway {} on {} (rate caps {})", gatewayDeviceId, brokerUrl,
                describeCaps());
    }

    /**
     * Connects and subscribes; returns when the simulator is ready for requests. The clock is the system's, UTC; no rate
     * caps.
     */
    public static IotdaPlatformSimulator start(String brokerUrl, String gatewayDeviceId) {
        return builder(brokerUrl, gatewayDeviceId).start();
    }

    /**
     * Connects and subscribes; returns when the simulator is ready for requests.
     *
     * @param clock the platform's clock: the event_time of what it sends, and the time the signType 1 hour stamp of a
     *              CONNECT is checked against ({@link #connectAuthenticator(String)})
     */
    public static IotdaPlatformSimulator start(String brokerUrl, String gatewayDeviceId, Clock clock) {
        return builder(brokerUrl, gatewayDeviceId).clock(clock).start();
    }

    /** A simulator to configure before it starts: its clock and rate caps. */
    public static Builder builder(String brokerUrl, String gatewayDeviceId) {
        return new Builder(brokerUrl, gatewayDeviceId);
    }

    /**
     * The platform's check of the gateway's CONNECT, for {@link EmbeddedMqttBroker#setConnectAuthenticator}: ClientId
     * {@code {device_id}_0_{signType}_{yyyyMMddHH}}, username the device_id, password the HMAC of the stamp and the
     * secret (docs/protocol-notes.md B.2); with signType 1 the stamp's hour must also be at most 1 hour from this
     * simulator's clock (its current UTC hour, the one before or the one after), signType 0 is not checked against the
     * clock. A refused client gets CONNACK 4. The simulators' own connections are let through; every other client is
     * refused (combine with {@code ||} to let others in).
     */
    public ConnectAuthenticator connectAuthenticator(String gatewayDeviceSecret) {
        if (gatewayDeviceSecret == null || gatewayDeviceSecret.isEmpty()) {
            throw new IllegalArgumentException("gatewayDeviceSecret must be set");
        }
        return new IotdaConnectCheck(OWN_CLIENT_ID_PREFIX, topics.gatewayDeviceId(), gatewayDeviceSecret, clock);
    }

    /** Makes a device a known child of the gateway (status INACTIVE), as if added earlier. */
    public void registerChild(String deviceId) {
        if (deviceId == null || deviceId.isEmpty()) {
            throw new IllegalArgumentException("deviceId must be set");
        }
        registry.add(new ChildRegistry.Child(deviceId, null, null, AddedDevice.STATUS_INACTIVE));
    }

    /** The device_ids of the gateway's children. */
    public Set<String> children() {
        return registry.deviceIds();
    }

    /** A child's status: INACTIVE, ONLINE or OFFLINE; null for a device that is no child. */
    public String childStatus(String deviceId) {
        ChildRegistry.Child child = registry.get(deviceId);
        return child == null ? null : child.status();
    }

    /**
     * Publishes an add_sub_device_notify, as the platform does when children are added elsewhere (console, API), and
     * makes them children here too. The notice is remembered with its version for later sync requests.
     */
    public void sendAddNotice(long version, List<AddedDevice> devices) {
        for (AddedDevice device : devices) {
            registry.add(new ChildRegistry.Child(device.deviceId(), device.nodeId(), device.productId(),
                    device.status() == null ? AddedDevice.STATUS_INACTIVE : device.status()));
        }
        sendNotice(new Notice(EventType.ADD_SUB_DEVICE_NOTIFY, version,
                new AddSubDeviceNoticeParas(List.copyOf(devices), version)));
    }

    /**
     * Publishes a delete_sub_device_notify, as the platform does when children are deleted elsewhere, and forgets them.
     * The notice is remembered with its version for later sync requests.
     */
    public void sendDeleteNotice(long version, List<String> deviceIds) {
        List<DeletedDevice> devices = new ArrayList<>();
        for (String deviceId : deviceIds) {
            ChildRegistry.Child child = registry.get(deviceId);
            devices.add(new DeletedDevice(topics.gatewayDeviceId(), child == null ? null : child.nodeId(), deviceId));
            registry.remove(deviceId);
        }
        sendNotice(new Notice(EventType.DELETE_SUB_DEVICE_NOTIFY, version,
                new DeleteSubDeviceNoticeParas(List.copyOf(devices), version)));
    }

    /** The {@code paras.version} of the last sub_device_sync_request; null when none came or it had none. */
    public Long lastSyncVersion() {
        return lastSyncVersion;
    }

    /**
     * The sub_device_sync_requests acted upon (their notices replayed, maybe none) since start or
     * {@link #resetCounters()}; unlike {@code requestCount(SUB_DEVICE_SYNC_REQUEST)} without those not acted upon
     * (silent, QoS 2, a version that is no number). Counted once the replay is handed to the connection.
     */
    public long syncRequests() {
        return syncRequests.get();
    }

    /**
     * Service events on events/up whose service_id is not {@code $sub_device_manager} (the SDK's {@code $log},
     * {@code $sdk_info}, …), ignored without a violation, since start or {@link #resetCounters()}.
     */
    public long ignoredServices() {
        return ignoredServices.get();
    }

    /** Service events of this type received since start or {@link #resetCounters()}, valid or not. */
    public long requestCount(EventType eventType) {
        return requestCounts.get(eventType).get();
    }

    /** The protocol violations seen since start or {@link #resetCounters()}, oldest first. */
    public List<String> violations() {
        return violations.snapshot();
    }

    /**
     * Messages on events/up dropped by the rate caps since start or {@link #resetCounters()}; each is also a violation.
     */
    public long throttledMessages() {
        return throttledMessages.get();
    }

    /**
     * Changes the rate caps from the next message on: at most {@code messagesPerSecond} messages and
     * {@code bytesPerSecond} payload bytes on events/up within the window ({@link Builder#rateWindow}); 0 turns a cap
     * off. The messages already let through stay in the window.
     */
    public void setRateLimits(int messagesPerSecond, long bytesPerSecond) {
        rateCaps.set(messagesPerSecond, bytesPerSecond);
        LOG.info("IoTDA platform simulator for gateway {}: rate caps {}", topics.gatewayDeviceId(), describeCaps());
    }

    /** The cap on upstream messages per window; 0 when off. */
    public int messagesPerSecondCap() {
        return rateCaps.messagesPerSecond();
    }

    /** The cap on upstream payload bytes per window; 0 when off. */
    public long bytesPerSecondCap() {
        return rateCaps.bytesPerSecond();
    }

    /** The window the rate caps are measured over. */
    public Duration rateWindow() {
        return rateCaps.window();
    }

    /**
     * Clears the request, sync, ignored-service and throttled counts and the violations; children, notices and the rate
     * window stay.
     */
    public void resetCounters() {
        requestCounts.values().forEach(count -> count.set(0));
        syncRequests.set(0);
        ignoredServices.set(0);
        throttledMessages.set(0);
        violations.clear();
    }

    /**
     * Back to the state just after start without reconnecting (a Paho connect costs about 300 ms): no children, no
     * remembered notices, counts and violations cleared, every misbehaviour switch off and its counts cleared, the
     * default seed, the rate caps given to the builder with an empty window.
     */
    public void reset() {
        registry.clear();
        synchronized (notices) {
            notices.clear();
        }
        behaviour.reset();
        lastSyncVersion = null;
        rateCaps.set(initialMessagesPerSecond, initialBytesPerSecond);
        rateCaps.clear();
        resetCounters();
    }

    /** Silent: requests are received, counted and checked for violations, but not acted upon and never answered. */
    public void setSilent(boolean silent) {
        behaviour.setSilent(silent);
    }

    /** Sends every response twice. */
    public void setDuplicateReplies(boolean duplicate) {
        behaviour.setDuplicate(duplicate);
    }

    /** Holds each response back by a random 0–30 ms, so responses to requests sent close together cross. */
    public void setReorderReplies(boolean reorder) {
        behaviour.setReorder(reorder);
    }

    /** After each response also sends a well-formed response of the same type with a random, unasked event_id. */
    public void setUnsolicitedReplies(boolean unsolicited) {
        behaviour.setUnsolicited(unsolicited);
    }

    /**
     * Drops each response with this probability: the request is acted upon, but its answer is lost (unlike
     * {@link #setSilent}). 0 turns it off.
     */
    public void setDropReplies(double probability) {
        behaviour.setDrop(probability);
    }

    /**
     * Sends each response only after {@code millis} with this probability: set it past the client's request timeout and
     * the answer comes late. 0 turns it off.
     */
    public void setDelayPastTimeout(long millis, double probability) {
        behaviour.setDelay(millis, probability);
    }

    /**
     * Replaces each response, with this probability, by a malformed one, taking the kinds in turn: not JSON; JSON with a
     * field of the wrong type (event_id as an object, services not an array, the response's device lists of the
     * wrong type, the message a JSON array); the real response padded to 256 KB. 0 turns it off.
     */
    public void setMalformedReplies(double probability) {
        behaviour.setMalformed(probability);
    }

    /** Seeds the draws of the probabilistic switches (and the reorder delays), for a reproducible run. */
    public void setMisbehaviourSeed(long seed) {
        behaviour.setSeed(seed);
    }

    /** What the misbehaviour switches did since start or {@link #reset()}. */
    public MisbehaviourCounts misbehaviourCounts() {
        return behaviour.counts();
    }

    public IotdaTopics topics() {
        return topics;
    }

    public String gatewayDeviceId() {
        return topics.gatewayDeviceId();
    }

    /** Whether the simulator's own MQTT connection is up and subscribed; it reconnects by itself after a restart. */
    public boolean isConnected() {
        return connection.isReady();
    }

    @Override
    public void close() {
        connection.close();
        behaviour.close();
    }

    private void onMessage(InboundMessage message) {
        String throttled = rateCaps.admit(message.receivedNanos(), message.payload().length);
        if (throttled != null) {
            // a throttled platform drops the message unread: no request count, no answer
            throttledMessages.incrementAndGet();
            violations.record("message on events/up throttled and dropped: " + throttled);
            return;
        }
        IotdaMessage parsed;
        try {
            parsed = IotdaJson.readMessage(message.payload());
        } catch (IotdaJson.MalformedMessageException e) {
            violations.record("message on events/up dropped: " + e.getMessage());
            return;
        }
        if (parsed.services().isEmpty()) {
            violations.record("message on events/up without services; dropped");
            return;
        }
        for (ServiceEvent event : parsed.services()) {
            onServiceEvent(event, message.qos());
        }
    }

    private void onServiceEvent(ServiceEvent event, int qos) {
        if (!event.isSubDeviceManager()) {
            // another service ($log, $sdk_info, ...): the platform's business, not this simulator's
            ignoredServices.incrementAndGet();
            LOG.debug("service '{}' event '{}' ignored", event.serviceId(), event.eventType());
            if (qos > 1) {
                violations.record("service '" + event.serviceId() + "' published at QoS " + qos
                                  + ": IoTDA supports QoS 0 and 1 only");
            }
            return;
        }
        EventType type = event.type().orElse(null);
        if (type == null || type.direction() != EventType.Direction.UP) {
            violations.record("event_type '" + event.eventType() + "' is no gateway request of $sub_device_manager; "
                              + "dropped");
            return;
        }
        requestCounts.get(type).incrementAndGet();
        String what = type.wireName();
        if (qos > 1) {
            violations.record(what + " published at QoS " + qos + ": IoTDA supports QoS 0 and 1 only; not answered");
            return;
        }
        if (event.eventTime() != null && !EventTime.isWellFormed(event.eventTime())) {
            violations.record(what + " event_time '" + event.eventTime() + "' is not yyyyMMdd'T'HHmmss'Z'");
        }
        String eventId = event.eventId();
        if (eventId == null) {
            // optional on requests: the platform makes one up and answers with it (B.1)
            eventId = EventIds.next();
            LOG.debug("{} without event_id: the platform's own {}", what, eventId);
        } else if (!EventIds.isWellFormed(eventId)) {
            violations.record(what + " event_id '" + abbreviate(eventId)
                              + "' is not 36 letters, digits and hyphens");
        }
        if (behaviour.isSilent()) {
            return;
        }
        if (type == EventType.SUB_DEVICE_SYNC_REQUEST) {
            acceptSync(event);
            return;
        }
        IotdaOutcome outcome = rules.apply(type, event.paras());
        outcome.violations().forEach(v -> violations.record(v));
        EventType response = type.response().orElseThrow();
        String responseId = eventId;
        byte[] payload = IotdaJson.downEvent(topics.gatewayDeviceId(), response, responseId, EventTime.now(clock),
                outcome.paras());
        LOG.debug("{} {} answered", what, responseId);
        behaviour.send(
                () -> connection.publish(topics.eventsDown(), payload, DOWN_QOS),
                () -> connection.publish(topics.eventsDown(), unsolicited(response), DOWN_QOS),
                (how, variant) -> connection.publish(topics.eventsDown(), MalformedReplies.iotda(how, variant,
                        topics.gatewayDeviceId(), response.wireName(), responseId, payload), DOWN_QOS));
    }

    private void acceptSync(ServiceEvent event) {
        var version = event.paras().path("version");
        Long after;
        if (version.isMissingNode() || version.isNull()) {
            after = null;
        } else if (version.canConvertToExactIntegral() && version.isNumber()) {
            after = version.longValue();
        } else {
            violations.record("sub_device_sync_request paras.version must be a number but was " + version
                              + "; not acted upon");
            return;
        }
        lastSyncVersion = after;
        List<Notice> replay;
        synchronized (notices) {
            replay = notices.stream().filter(n -> after == null || n.version() > after)
                    // stable: notices of equal version keep their sending order
                    .sorted(Comparator.comparingLong(Notice::version))
                    .toList();
        }
        for (Notice notice : replay) {
            publishDown(notice.type(), EventIds.next(), notice.paras());
        }
        LOG.debug("sub_device_sync_request after version {}: {} notices replayed", after, replay.size());
        syncRequests.incrementAndGet();
    }

    private void sendNotice(Notice notice) {
        synchronized (notices) {
            notices.add(notice);
        }
        publishDown(notice.type(), EventIds.next(), notice.paras());
    }

    private void publishDown(EventType type, String eventId, Object paras) {
        connection.publish(topics.eventsDown(),
                IotdaJson.downEvent(topics.gatewayDeviceId(), type, eventId, EventTime.now(clock), paras), DOWN_QOS);
    }

    /** A well-formed response of the given type about a made-up child, to an event_id nobody sent. */
    private byte[] unsolicited(EventType response) {
        String ghost = "ghost-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Object paras = switch (response) {
            case ADD_SUB_DEVICE_RESPONSE -> new AddSubDeviceResponseParas(List.of(new AddedDevice(
                    topics.gatewayDeviceId(), ghost, "ghost_" + ghost, null, null, null, null, "ghost", null, null,
                    AddedDevice.STATUS_INACTIVE, null)), List.of());
            case DELETE_SUB_DEVICE_RESPONSE -> new DeleteSubDeviceResponseParas(List.of(ghost), List.of());
            default -> new UpdateStatusResponseParas(List.of(DeviceStatus.online(ghost)), List.of());
        };
        return IotdaJson.downEvent(topics.gatewayDeviceId(), response, EventIds.next(), EventTime.now(clock), paras);
    }

    private String describeCaps() {
        int messages = rateCaps.messagesPerSecond();
        long bytes = rateCaps.bytesPerSecond();
        return (messages == 0 ? "no message cap" : messages + " messages") + ", "
               + (bytes == 0 ? "no byte cap" : bytes + " bytes") + " per " + rateCaps.window().toMillis() + " ms";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Configures a simulator; {@link #start()} connects it. */
    public static final class Builder {

        private final String brokerUrl;
        private final String gatewayDeviceId;
        private Clock clock = Clock.systemUTC();
        // the platform's caps: a client that does not keep to them fails its test
        private int messagesPerSecond = PLATFORM_MESSAGES_PER_SECOND;
        private long bytesPerSecond = PLATFORM_BYTES_PER_SECOND;
        private Duration rateWindow = DEFAULT_RATE_WINDOW;

        private Builder(String brokerUrl, String gatewayDeviceId) {
            if (brokerUrl == null || brokerUrl.isEmpty()) {
                throw new IllegalArgumentException("brokerUrl must be set");
            }
            this.brokerUrl = brokerUrl;
            this.gatewayDeviceId = gatewayDeviceId;
        }

        /**
         * The platform's clock: the event_time of what it sends, and the time the signType 1 hour stamp of a CONNECT is
         * checked against ({@link #connectAuthenticator(String)}). Default the system's, UTC.
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must be set");
            }
            this.clock = clock;
            return this;
        }

        /**
         * The platform's per-connection caps on events/up: at most {@code messagesPerSecond} messages and
         * {@code bytesPerSecond} payload bytes within the rate window; 0 turns a cap off. Default 0, 0 (off); the
         * platform's figures are {@link #PLATFORM_MESSAGES_PER_SECOND} and {@link #PLATFORM_BYTES_PER_SECOND}.
         */
        public Builder rateLimits(int messagesPerSecond, long bytesPerSecond) {
            UpstreamRateCaps.requireCaps(messagesPerSecond, bytesPerSecond);
            this.messagesPerSecond = messagesPerSecond;
            this.bytesPerSecond = bytesPerSecond;
            return this;
        }

        /**
         * The sliding window the caps are measured over, more than 0 and at most 1 s; default
         * {@link #DEFAULT_RATE_WINDOW} (950 ms). Shorter than the second the caps are stated for because the broker
         * delivers with jitter: a client pacing itself at 1000 ms plus a margin must never be judged over a cap because
         * two of its messages were delivered bunched together.
         */
        public Builder rateWindow(Duration window) {
            UpstreamRateCaps.requireWindow(window);
            this.rateWindow = window;
            return this;
        }

        /** Connects and subscribes; returns when the simulator is ready for requests. */
        public IotdaPlatformSimulator start() {
            return new IotdaPlatformSimulator(this);
        }
    }
}
