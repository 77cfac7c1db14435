package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * One gateway connection's Micrometer meters, in the registry camel-micrometer uses: the {@code MeterRegistry} named
 * {@code metricsRegistry} in the Camel registry, else the only one there is (camel-main's {@code camel.metrics.enabled}
 * binds a Prometheus one). Every meter is tagged {@code camelContext}, {@code component} (the scheme) and
 * {@code gateway} (the gateway's stable name, never a secret or a signed clientId); the names are listed in the
 * components' docs.
 * <p>
 * Loaded only when Micrometer is on the class path (see {@link GatewayMonitoring}): micrometer-core is an optional
 * dependency of the core.
 */
final class GatewayMeters implements GatewayObserver {

    static final String REQUESTS = "camel.iot.gateway.requests";
    static final String REPLIES = "camel.iot.gateway.replies";
    static final String TIMEOUTS = "camel.iot.gateway.timeouts";
    static final String FAILURES = "camel.iot.gateway.failures";
    static final String PENDING = "camel.iot.gateway.requests.pending";
    static final String LATENCY = "camel.iot.gateway.reply.latency";
    static final String BATCH_SIZE = "camel.iot.gateway.batch.size";
    static final String PACE_WAITING = "camel.iot.gateway.pace.waiting";
    static final String CONNECTED = "camel.iot.gateway.connected";
    static final String RECONNECTS = "camel.iot.gateway.reconnects";
    static final String UNMATCHED = "camel.iot.gateway.messages.unmatched";
    static final String DUPLICATED = "camel.iot.gateway.messages.duplicated";
    static final String MALFORMED = "camel.iot.gateway.messages.malformed";
    static final String NOTICES = "camel.iot.gateway.notices";
    /** camel-micrometer's name for the registry ({@code MicrometerConstants.METRICS_REGISTRY_NAME}). */
    private static final String REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final Tags tags;
    private final GatewayMetrics metrics;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    private final Counter requests;
    private final Counter timeouts;
    private final Counter unmatched;
    private final Counter duplicated;
    private final Counter malformed;
    private final Counter notices;
    private final Counter reconnects;
    private final Timer latency;
    private final DistributionSummary batchSize;
    private final ConcurrentMap<String, Counter> repliesByCode = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Counter> failuresByType = new ConcurrentHashMap<>();

    private GatewayMeters(MeterRegistry registry, Tags tags, GatewayConnection connection) {
        this.registry = registry;
        this.tags = tags;
        this.metrics = connection.metrics();
        requests = counter(REQUESTS, "Requests published whose reply is awaited", Tags.empty());
        timeouts = counter(TIMEOUTS, "Requests not answered within their timeout", Tags.empty());
        unmatched = counter(UNMATCHED, "Answers no waiting request claimed: late, or for keys nobody asked for",
                Tags.empty());
        duplicated = counter(DUPLICATED, "Second answers to requests already answered", Tags.empty());
        malformed = counter(MALFORMED, "Received messages that were not messages of the protocol", Tags.empty());
        notices = counter(NOTICES, "Platform notices handed to the events routes", Tags.empty());
        reconnects = counter(RECONNECTS, "Times the connection came back after it was lost", Tags.empty());
        latency = keep(Timer.builder(LATENCY).description("Time from a request's publish to its answer").tags(tags)
                .register(registry));
        batchSize = keep(DistributionSummary.builder(BATCH_SIZE)
                .description("Single requests per batch handed on by the batchers").baseUnit("requests").tags(tags)
                .register(registry));
        keep(Gauge.builder(PENDING, connection, GatewayMeters::pendingRequests)
                .description("Requests waiting for their reply").tags(tags).register(registry));
        keep(Gauge.builder(PACE_WAITING, connection, GatewayConnection::waitingForPace)
                .description("Requests and messages waiting for the platform's pace").tags(tags).register(registry));
        keep(Gauge.builder(CONNECTED, connection, c -> c.isReady() ? 1 : 0)
                .description("1 while the gateway is connected with its subscriptions in place, else 0").tags(tags)
                .register(registry));
    }

    /**
     * Registers the meters of {@code connection} and has its metrics pass every event on to them.
     *
     * @return removes them again; {@code null} when the Camel registry holds no {@code MeterRegistry}
     */
    static Runnable bind(CamelContext camelContext, GatewayConnection connection) {
        MeterRegistry registry = find(camelContext.getRegistry());
        if (registry == null) {
            return null;
        }
        Tags tags = Tags.of("camelContext", camelContext.getName(), "component", connection.componentName(),
                "gateway", connection.displayName());
        GatewayMeters meters = new GatewayMeters(registry, tags, connection);
        connection.metrics().attach(meters);
        return meters::close;
    }

    /** As camel-micrometer looks it up: by its name first (a composite, then any), else the only one. */
    private static MeterRegistry find(Registry camelRegistry) {
        MeterRegistry named = camelRegistry.lookupByNameAndType(REGISTRY_NAME, CompositeMeterRegistry.class);
        if (named == null) {
            named = camelRegistry.lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        }
        if (named != null) {
            return named;
        }
        Set<CompositeMeterRegistry> composites = camelRegistry.findByType(CompositeMeterRegistry.class);
        if (composites != null && composites.size() == 1) {
            return composites.iterator().next();
        }
        Set<MeterRegistry> any = camelRegistry.findByType(MeterRegistry.class);
        return any != null && any.size() == 1 ? any.iterator().next() : null;
    }

    private void close() {
        metrics.detach();
        registered.forEach(registry::remove);
        registered.clear();
    }

    private static double pendingRequests(GatewayConnection connection) {
        PendingReplies pending = connection.pendingReplies();
        return pending == null ? 0 : pending.size();
    }

    private Counter counter(String name, String description, Tags more) {
        return keep(Counter.builder(name).description(description).tags(tags).tags(more).register(registry));
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter);
        return meter;
    }

    @Override
    public void requestSent() {
        requests.increment();
    }

    @Override
    public void replied(String code, long latencyNanos) {
        Counter byCode = repliesByCode.get(code);
        if (byCode == null) {
            byCode = repliesByCode.computeIfAbsent(code, c -> counter(REPLIES, "Requests the platform answered, by code",
                    Tags.of("code", c)));
        }
        byCode.increment();
        latency.record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void timedOut(long timeoutMillis) {
        timeouts.increment();
    }

    @Override
    public void failed(Throwable cause) {
        Counter byType = failuresByType.get(cause.getClass());
        if (byType == null) {
            byType = failuresByType.computeIfAbsent(cause.getClass(), type -> counter(FAILURES,
                    "Requests that ended without an answer for another reason than their timeout, by exception",
                    Tags.of("exception", type.getSimpleName())));
        }
        byType.increment();
    }

    @Override
    public void unmatchedReply() {
        unmatched.increment();
    }

    @Override
    public void duplicatedReply() {
        duplicated.increment();
    }

    @Override
    public void malformedMessage() {
        malformed.increment();
    }

    @Override
    public void noticeDelivered() {
        notices.increment();
    }

    @Override
    public void batchSent(int size) {
        batchSize.record(size);
    }

    @Override
    public void reconnected() {
        reconnects.increment();
    }
}
