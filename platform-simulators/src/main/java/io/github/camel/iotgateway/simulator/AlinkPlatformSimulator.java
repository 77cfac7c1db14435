package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.PlatformEvent;
import io.github.camel.iotgateway.protocol.alink.PlatformPushes;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import io.github.camel.iotgateway.protocol.alink.TopologyTopics;
import io.github.camel.iotgateway.protocol.common.TopicSegments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the Alibaba Cloud IoT Platform for one gateway's sub-device sessions: it subscribes to
 * the gateway's four {@code /ext/session/{gwPK}/{gwDN}/combine/...} request topics, checks login, batch_login, logout and batch_logout the way the
 * platform does (QoS 0 only, ids, params, topology, signs, online cap, batch size, all-or-nothing batches) and answers
 * on the request topic + {@code _reply} at QoS 0.
 *
 * <p>It plays the gateway's topology too ({@code /sys/{gwPK}/{gwDN}/thing/topo/{add|delete|get}}, see
 * {@link AlinkTopologyRules}): a sub-device registered with {@link #createSubDevice} logs in only once the gateway has
 * added its topology; {@link #registerSubDevice} does both at once.
 *
 * <p>Results: 200 success; 460 request parameter error; 6100 device not found (never registered); 6401 topo relation
 * not exist (registered but not attached); 6287 invalid sign; 428 too many subdevices under gateway; 520 device no
 * session; on topology requests also 401 (bad sign) and 6402 (the gateway itself). Replies
 * carry {@code data} {productKey, deviceName} for single operations, and for batches the array of all devices on
 * success or of the failing ones on failure.
 *
 * <p>A request published at QoS 1 is never answered: the platform takes session messages at QoS 0 only. That, an
 * unreadable request, an id that is not a decimal string in 0..4294967295 (answered 460) and every 460 are recorded as
 * {@link #violations()}, so a test of a client can assert it broke no rule.
 *
 * <p>Misbehaviour switches, for tests of a client's robustness, may be flipped at any time: {@link #setSilent},
 * {@link #setDuplicateReplies}, {@link #setReorderReplies}, {@link #setUnsolicitedReplies}, and with a probability
 * each (drawn from a seeded generator, {@link #setMisbehaviourSeed}) {@link #setDropReplies},
 * {@link #setDelayPastTimeout}, {@link #setMalformedReplies}; {@link #misbehaviourCounts()} tells what they did.
 */
public final class AlinkPlatformSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlinkPlatformSimulator.class);
    private static final String GHOST_PRODUCT_KEY = "a1GhostPk000";
    private static final int OBSERVE_PUBLISHER_QOS = 2;

    private final SessionTopics topics;
    private final String gatewayProductKey;
    private final String gatewayDeviceName;
    private final int maxBatchSize;
    private final SubDeviceSessions sessions;
    private final AlinkSessionRules rules;
    private final Map<SessionOperation, AtomicLong> requestCounts = new EnumMap<>(SessionOperation.class);
    private final TopologyTopics topologyTopics;
    private final AlinkTopologyRules topologyRules;
    private final Map<TopologyOperation, AtomicLong> topologyRequestCounts = new EnumMap<>(TopologyOperation.class);
    private final ViolationLog violations = new ViolationLog("Alink");
    private final AlinkLoginThrottle throttle;
    private final PlatformPushes pushes;
    private final List<String> topologyChangeReplies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong pushIds = new AtomicLong(1_000_000);
    private final ReplyBehaviour behaviour;
    private final PlatformConnection connection;

    private AlinkPlatformSimulator(Builder builder) {
        this.topics = new SessionTopics(builder.gatewayProductKey, builder.gatewayDeviceName);
        this.gatewayProductKey = builder.gatewayProductKey;
        this.gatewayDeviceName = builder.gatewayDeviceName;
        this.maxBatchSize = builder.maxBatchSize;
        this.sessions = new SubDeviceSessions(builder.maxOnlineSubDevices);
        this.rules = new AlinkSessionRules(sessions, builder.maxBatchSize, violations::record);
        this.throttle = new AlinkLoginThrottle(builder.loginRequestsPerSecond, builder.loginsPerSubDevicePerMinute);
        for (SessionOperation op : SessionOperation.values()) {
            requestCounts.put(op, new AtomicLong());
        }
        this.topologyTopics = new TopologyTopics(builder.gatewayProductKey, builder.gatewayDeviceName);
        this.topologyRules = new AlinkTopologyRules(sessions,
                new SubDeviceId(builder.gatewayProductKey, builder.gatewayDeviceName), AlinkLimits.MAX_TOPOLOGY_BATCH_SIZE);
        for (TopologyOperation op : TopologyOperation.values()) {
            topologyRequestCounts.put(op, new AtomicLong());
        }
        this.behaviour = new ReplyBehaviour("alink-platform-sim-replies");
        // the four request topics, not combine/+: a wildcard would also bring the simulator its own replies, and on a
        // broker without TCP_NODELAY (Mosquitto's default) that stalls the next request by a delayed ACK (40 ms)
        this.pushes = new PlatformPushes(builder.gatewayProductKey, builder.gatewayDeviceName);
        List<String> filters = new ArrayList<>(java.util.Arrays.stream(SessionOperation.values()).map(topics::request)
                .toList());
        // the gateway's answers to the topology changes pushed to it, and its topology requests
        filters.add(pushes.topologyChangeReply());
        for (TopologyOperation op : TopologyOperation.values()) {
            filters.add(topologyTopics.request(op));
        }
        String filter = String.join(",", filters);
        try {
            // subscribed at QoS 2 although the platform only takes QoS 0: a message is delivered at the lower of the
            // publish and subscription QoS, so only this way does the publisher's QoS show and a QoS 1 request get caught
            this.connection = PlatformConnection.open(builder.brokerUrl, "alink-platform-sim-", filter,
                    OBSERVE_PUBLISHER_QOS, this::onMessage);
        } catch (RuntimeException e) {
            behaviour.close();
            throw e;
        }
        LOG.info("Alink platform simulator for gateway {}/{} on {} (max online {}, max batch {})",
                gatewayProductKey, gatewayDeviceName, builder.brokerUrl, builder.maxOnlineSubDevices, maxBatchSize);
    }

    /** Starts a simulator with the default limits: 1000 online sub-devices, 50 per batch. */
    public static AlinkPlatformSimulator start(String brokerUrl, String gatewayProductKey, String gatewayDeviceName) {
        return builder(brokerUrl, gatewayProductKey, gatewayDeviceName).start();
    }

    public static Builder builder(String brokerUrl, String gatewayProductKey, String gatewayDeviceName) {
        return new Builder(brokerUrl, gatewayProductKey, gatewayDeviceName);
    }

    /**
     * Registers a sub-device in its product and attaches it to the gateway's topology, so it may log in at once.
     * Registering again replaces the secret.
     */
    public void registerSubDevice(String productKey, String deviceName, String deviceSecret) {
        createSubDevice(productKey, deviceName, deviceSecret);
        sessions.attach(List.of(id(productKey, deviceName)));
    }

    /**
     * Registers a sub-device in its product only, as the console or the cloud API does: the gateway must add its
     * topology (thing/topo/add) before it may log in (6401 until then).
     */
    public void createSubDevice(String productKey, String deviceName, String deviceSecret) {
        if (deviceSecret == null || deviceSecret.isEmpty()) {
            throw new IllegalArgumentException("deviceSecret of " + productKey + "/" + deviceName + " must be set");
        }
        sessions.register(id(productKey, deviceName), deviceSecret);
    }

    /** The sub-devices attached to the gateway, in the order they were attached. */
    public List<SubDeviceId> topology() {
        return sessions.topology();
    }

    public boolean hasTopology(String productKey, String deviceName) {
        return sessions.isAttached(id(productKey, deviceName));
    }

    /** Requests received on a topology topic since start or {@link #resetCounters()}, valid or not. */
    public long requestCount(TopologyOperation operation) {
        return topologyRequestCounts.get(operation).get();
    }

    /** Gives a sub-device a session without a login, as if it had logged in earlier. No topology or cap check. */
    public void setOnline(String productKey, String deviceName) {
        sessions.markOnline(List.of(id(productKey, deviceName)));
    }

    /** Ends a sub-device's session on the platform side, as a platform-side kick would. */
    public void setOffline(String productKey, String deviceName) {
        sessions.markOffline(List.of(id(productKey, deviceName)));
    }

    public boolean isOnline(String productKey, String deviceName) {
        return sessions.isOnline(id(productKey, deviceName));
    }

    public int onlineCount() {
        return sessions.onlineCount();
    }

    public Set<SubDeviceId> onlineSubDevices() {
        return sessions.onlineDevices();
    }

    /** Messages received on the operation's request topic since start or {@link #resetCounters()}, valid or not. */
    public long requestCount(SessionOperation operation) {
        return requestCounts.get(operation).get();
    }

    /** The protocol violations seen since start or {@link #resetCounters()}, oldest first. */
    public List<String> violations() {
        return violations.snapshot();
    }

    /** Clears the request counts and the violations; sessions and topology stay. */
    public void resetCounters() {
        requestCounts.values().forEach(count -> count.set(0));
        topologyRequestCounts.values().forEach(count -> count.set(0));
        violations.clear();
    }

    /**
     * Back to the state just after start, without reconnecting (a Paho connect costs about 300 ms, so tests share one
     * simulator): no topology, no sessions, counts and violations cleared, every misbehaviour switch off and its counts
     * cleared, the default seed. A reply still held back by {@link #setReorderReplies} or
     * {@link #setDelayPastTimeout} may yet go out.
     */
    public void reset() {
        throttle.reset();
        sessions.clear();
        behaviour.reset();
        resetCounters();
    }

    /**
     * Pushes an {@code /ext/error} for a sub-device, as the platform does when it forces one offline (427 connected
     * elsewhere, 521 deleted, 522 disabled, 6401 topology removed) or sees a session error (520). A forced-offline
     * sub-device loses its session here too.
     *
     * @return the id of the pushed message
     */
    public String pushError(int code, String productKey, String deviceName) {
        SubDeviceId device = id(productKey, deviceName);
        if (code == AlinkCodes.TOPO_RELATION_NOT_EXIST) {
            sessions.detach(List.of(device));
        } else if (PlatformEvent.Kind.ofErrorCode(code).endsSessions()) {
            sessions.markOffline(List.of(device));
        }
        String pushId = Long.toString(pushIds.incrementAndGet());
        connection.publish(pushes.error(), PlatformPushes.error(pushId, code, AlinkCodes.message(code), device),
                AlinkLimits.SESSION_QOS);
        return pushId;
    }

    /**
     * Pushes a {@code thing/topo/change} (status 0 created, 1 deleted, 2 re-enabled, 8 disabled), as the platform does
     * when a sub-device's topology changes (also through the console or the cloud API). Deleted and disabled
     * sub-devices lose their sessions here too; the gateway is to answer with a change_reply.
     *
     * @return the id of the pushed message
     */
    public String pushTopologyChange(int status, List<SubDeviceId> devices) {
        if (status == 1) {
            sessions.detach(devices);
        } else if (status == 8) {
            sessions.markOffline(devices);
        }
        String pushId = Long.toString(pushIds.incrementAndGet());
        connection.publish(pushes.topologyChange(), PlatformPushes.topologyChange(pushId, status, devices),
                AlinkLimits.SESSION_QOS);
        return pushId;
    }

    /** The ids of the topology changes the gateway has answered with a change_reply. */
    public List<String> topologyChangeReplies() {
        return List.copyOf(topologyChangeReplies);
    }

    /** Changes the throttles at run time (see {@link Builder#loginThrottles}); 0 turns one off. */
    public void setLoginThrottles(int requestsPerSecond, int loginsPerSubDevicePerMinute) {
        throttle.setLimits(requestsPerSecond, loginsPerSubDevicePerMinute);
    }

    /** Silent: requests are received, counted and checked for violations, but not acted upon and never answered. */
    public void setSilent(boolean silent) {
        behaviour.setSilent(silent);
    }

    /** Sends every reply twice. */
    public void setDuplicateReplies(boolean duplicate) {
        behaviour.setDuplicate(duplicate);
    }

    /** Holds each reply back by a random 0–30 ms, so replies to requests sent close together cross. */
    public void setReorderReplies(boolean reorder) {
        behaviour.setReorder(reorder);
    }

    /** After each reply also sends a well-formed success reply with a random id no request had. */
    public void setUnsolicitedReplies(boolean unsolicited) {
        behaviour.setUnsolicited(unsolicited);
    }

    /**
     * Drops each reply with this probability: the request is acted upon, but its answer is lost (unlike
     * {@link #setSilent}). 0 turns it off.
     */
    public void setDropReplies(double probability) {
        behaviour.setDrop(probability);
    }

    /**
     * Sends each reply only after {@code millis} with this probability: set it past the client's request timeout and
     * the answer comes late. 0 turns it off.
     */
    public void setDelayPastTimeout(long millis, double probability) {
        behaviour.setDelay(millis, probability);
    }

    /**
     * Replaces each reply, with this probability, by a malformed one, taking the kinds in turn: not JSON; JSON with a
     * field of the wrong type (id as an object or an array, code "abc", a 520 whose data names no sub-device); the
     * real reply padded to 256 KB. 0 turns it off.
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

    public SessionTopics topics() {
        return topics;
    }

    public String gatewayProductKey() {
        return gatewayProductKey;
    }

    public String gatewayDeviceName() {
        return gatewayDeviceName;
    }

    public int maxOnlineSubDevices() {
        return sessions.maxOnline();
    }

    public int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * Whether the simulator's own MQTT connection is up and subscribed, i.e. it can receive requests. After a broker
     * restart it reconnects by itself within about a second and subscribes again.
     */
    /**
     * Does what the platform does when a gateway goes offline (docs/protocol-notes.md A.5): takes every sub-device it
     * held online offline, once the last connection of the gateway's clientId ({@code PK.DN}, with or without its
     * {@code |...|} signing params) closes on {@code broker}. Off unless asked, as tests that restart the broker set
     * the sub-devices offline themselves.
     */
    public AlinkPlatformSimulator followGatewayConnection(EmbeddedMqttBroker broker) {
        String gateway = gatewayProductKey + "." + gatewayDeviceName;
        java.util.function.Predicate<String> ours = clientId -> clientId.equals(gateway)
                                                               || clientId.startsWith(gateway + "|");
        broker.connectionLog().onClosed(clientId -> {
            if (ours.test(clientId) && broker.connectionLog().openNow(ours) == 0) {
                Set<SubDeviceId> held = sessions.onlineDevices();
                sessions.markOffline(held);
                LOG.info("Gateway {} went offline: its {} sub-devices are offline", gateway, held.size());
            }
        });
        return this;
    }

    public boolean isConnected() {
        return connection.isReady();
    }

    @Override
    public void close() {
        connection.close();
        behaviour.close();
    }

    private void onMessage(InboundMessage message) {
        if (message.topic().equals(pushes.topologyChangeReply())) {
            AlinkEnvelope reply = AlinkEnvelope.parse(message.payload());
            if (reply.id() != null) {
                topologyChangeReplies.add(reply.id());
            }
            return;
        }
        if (message.topic().endsWith(SessionTopics.REPLY_SUFFIX)) {
            return; // our own replies come back through the wildcard subscription
        }
        TopologyOperation topologyOperation = topologyTopics.operationOfRequest(message.topic());
        if (topologyOperation != null) {
            onTopologyRequest(topologyOperation, message);
            return;
        }
        SessionOperation operation = topics.operationOfRequest(message.topic());
        if (operation == null) {
            violations.record("message on " + message.topic() + ", which is no session operation; dropped");
            return;
        }
        requestCounts.get(operation).incrementAndGet();
        String op = operation.topicSuffix();
        if (message.qos() != AlinkLimits.SESSION_QOS) {
            violations.record(op + " published at QoS " + message.qos()
                              + ": the platform takes session messages at QoS 0 only; not answered");
            return;
        }
        AlinkEnvelope envelope = AlinkEnvelope.parse(message.payload());
        if (envelope.id() == null) {
            violations.record(op + " request dropped: " + envelope.error());
            return;
        }
        AlinkOutcome outcome;
        if (envelope.idViolation() != null) {
            outcome = AlinkOutcome.parameterError(envelope.idViolation(), null);
        } else if (envelope.params() == null) {
            outcome = AlinkOutcome.parameterError(envelope.error(), null);
        } else if (behaviour.isSilent()) {
            return;
        } else {
            String throttled = throttle.throttle(operation, envelope.params(), message.receivedNanos());
            outcome = throttled != null
                    ? new AlinkOutcome(AlinkCodes.RATE_LIMITED, AlinkCodes.message(AlinkCodes.RATE_LIMITED), null,
                            "throttled (429): " + throttled)
                    : rules.apply(operation, envelope.params());
        }
        if (outcome.violation() != null) {
            violations.record(op + " id " + AlinkEnvelope.abbreviate(envelope.id()) + ": " + outcome.violation());
        }
        LOG.debug("{} id {} -> {} {}", op, AlinkEnvelope.abbreviate(envelope.id()), outcome.code(), outcome.message());
        reply(operation, envelope.id(), outcome);
    }

    /**
     * A topology request: /sys topics take QoS 0 and 1 (docs/protocol-notes.md A.2); the request names its
     * {@code method} as every SDK writes it; answered like the session requests, with the misbehaviour switches.
     */
    private void onTopologyRequest(TopologyOperation operation, InboundMessage message) {
        topologyRequestCounts.get(operation).incrementAndGet();
        String op = "thing/topo/" + operation.topicSuffix();
        if (message.qos() > 1) {
            violations.record(op + " published at QoS " + message.qos() + ": the platform takes QoS 0 and 1; dropped");
            return;
        }
        AlinkEnvelope envelope = AlinkEnvelope.parse(message.payload());
        if (envelope.id() == null) {
            violations.record(op + " request dropped: " + envelope.error());
            return;
        }
        String method = AlinkEnvelope.method(message.payload());
        if (!operation.method().equals(method)) {
            violations.record(op + " id " + AlinkEnvelope.abbreviate(envelope.id()) + " has method " + method
                              + " where every SDK sends " + operation.method());
        }
        AlinkOutcome outcome;
        if (envelope.idViolation() != null) {
            outcome = AlinkOutcome.parameterError(envelope.idViolation(), null);
        } else if (envelope.params() == null) {
            outcome = AlinkOutcome.parameterError(envelope.error(), null);
        } else if (behaviour.isSilent()) {
            return;
        } else {
            outcome = topologyRules.apply(operation, envelope.params());
        }
        if (outcome.violation() != null) {
            violations.record(op + " id " + AlinkEnvelope.abbreviate(envelope.id()) + ": " + outcome.violation());
        }
        LOG.debug("{} id {} -> {} {}", op, AlinkEnvelope.abbreviate(envelope.id()), outcome.code(), outcome.message());
        reply(topologyTopics.reply(operation), true, envelope.id(), outcome);
    }

    private void reply(SessionOperation operation, String id, AlinkOutcome outcome) {
        reply(topics.reply(operation), operation.isBatch(), id, outcome);
    }

    private void reply(String topic, boolean batch, String id, AlinkOutcome outcome) {
        // the platform's replies always carry data, failures too ({} or []): Alibaba's Python LinkKit throws on a reply
        // without it, so a refused batch would look like a timeout to its users
        Object data = outcome.data() != null ? outcome.data() : batch ? List.of() : Map.of();
        byte[] payload = AlinkJson.reply(id, outcome.code(), outcome.message(), data);
        behaviour.send(
                () -> connection.publish(topic, payload, AlinkLimits.SESSION_QOS),
                () -> connection.publish(topic, unsolicitedReply(batch, id), AlinkLimits.SESSION_QOS),
                (how, variant) -> connection.publish(topic, MalformedReplies.alink(how, variant, id, payload),
                        AlinkLimits.SESSION_QOS));
    }

    /** A success reply shaped like a real one for the operation, to an id that is not the one just answered. */
    private static byte[] unsolicitedReply(boolean batch, String answeredId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id;
        do {
            id = Long.toString(random.nextLong(AlinkLimits.MAX_MESSAGE_ID + 1));
        } while (id.equals(answeredId));
        SubDeviceId ghost = new SubDeviceId(GHOST_PRODUCT_KEY, "ghost-" + random.nextInt(1_000_000));
        Object data = batch ? List.of(ghost) : ghost;
        return AlinkJson.reply(id, AlinkCodes.SUCCESS, AlinkCodes.message(AlinkCodes.SUCCESS), data);
    }

    private static SubDeviceId id(String productKey, String deviceName) {
        if (productKey == null || productKey.isEmpty() || deviceName == null || deviceName.isEmpty()) {
            throw new IllegalArgumentException("productKey and deviceName must be set");
        }
        return new SubDeviceId(productKey, deviceName);
    }

    /** Options for a simulator; {@link #start()} connects it. */
    public static final class Builder {

        private final String brokerUrl;
        private final String gatewayProductKey;
        private final String gatewayDeviceName;
        private int maxOnlineSubDevices = AlinkLimits.DEFAULT_MAX_ONLINE_SUB_DEVICES;
        private int maxBatchSize = AlinkLimits.MAX_BATCH_SIZE;
        private int loginRequestsPerSecond = AlinkLimits.MAX_LOGIN_REQUESTS_PER_SECOND;
        private int loginsPerSubDevicePerMinute = AlinkLimits.MAX_LOGINS_PER_SUB_DEVICE_PER_MINUTE;

        private Builder(String brokerUrl, String gatewayProductKey, String gatewayDeviceName) {
            if (brokerUrl == null || brokerUrl.isEmpty()) {
                throw new IllegalArgumentException("brokerUrl must be set");
            }
            this.brokerUrl = brokerUrl;
            this.gatewayProductKey = TopicSegments.requireSafe("gatewayProductKey", gatewayProductKey);
            this.gatewayDeviceName = TopicSegments.requireSafe("gatewayDeviceName", gatewayDeviceName);
        }

        /** Sub-devices online at once under the gateway (428 beyond); default 1000. */
        public Builder maxOnlineSubDevices(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxOnlineSubDevices must be >= 0 but was " + max);
            }
            this.maxOnlineSubDevices = max;
            return this;
        }

        /** Entries per batch_login / batch_logout (460 beyond); default 50. */
        public Builder maxBatchSize(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxBatchSize must be >= 1 but was " + max);
            }
            this.maxBatchSize = max;
            return this;
        }

        /**
         * The platform's throttles: login and batch_login requests a second per gateway (default 200) and logins a
         * minute per sub-device (default 5); past either it answers 429 and records a violation. 0 turns one off.
         */
        public Builder loginThrottles(int requestsPerSecond, int loginsPerSubDevicePerMinute) {
            this.loginRequestsPerSecond = requestsPerSecond;
            this.loginsPerSubDevicePerMinute = loginsPerSubDevicePerMinute;
            return this;
        }

        /** Connects and subscribes; returns when the simulator is ready for requests. */
        public AlinkPlatformSimulator start() {
            return new AlinkPlatformSimulator(this);
        }
    }
}
