package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.mqtt.ReplyListener;
import io.github.camel.iotgateway.mqtt.SingleRequestBatcher;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The child-device side of one gateway: it publishes requests under fresh event_ids, reads the responses per device,
 * and gathers single-device exchanges into shared requests. Shared by every endpoint naming the gateway; owns the
 * gateway's one connection.
 */
final class HuaweiGatewayClient extends ServiceSupport {

    private final CamelContext camelContext;
    private final GatewayConnection connection;
    private final IotdaTopics topics;
    private final HuaweiIotConfiguration gatewayConfiguration;
    private final Clock clock = Clock.systemUTC();
    private SyncAfterReconnect sync;
    private final Map<HuaweiIotOperation, SingleRequestBatcher<PendingSingle>> batchers =
            new EnumMap<>(HuaweiIotOperation.class);

    /**
     * @param gatewayConfiguration the configuration of the first endpoint that named this gateway: it fixes the
     *                             gateway-wide qos, requestTimeout for batched singles, batchSize and batchTimeout
     */
    HuaweiGatewayClient(CamelContext camelContext, GatewayConnection connection, IotdaTopics topics,
                        HuaweiIotConfiguration gatewayConfiguration) {
        this.camelContext = camelContext;
        this.connection = connection;
        this.topics = topics;
        this.gatewayConfiguration = gatewayConfiguration;
    }

    GatewayConnection connection() {
        return connection;
    }

    /** The resync after reconnects; null when the option is off. */
    SyncAfterReconnect sync() {
        return sync;
    }

    IotdaTopics topics() {
        return topics;
    }

    /** Gathers a single-device exchange into the gateway's open request for its operation. */
    void enqueue(SubDeviceOperation<?, ?> operation, PendingSingle item) {
        batchers.get(operation.operation()).offer(item);
    }

    /**
     * Sends single-device exchanges together, as few requests as the platform's limit and their devices allow: a
     * device asked for by two exchanges goes in two requests, as the answer for it names it once. Each exchange ends
     * with its own device's outcome.
     */
    <E, S> void sendTogether(SubDeviceOperation<E, S> operation, List<PendingSingle> items, long timeoutMillis) {
        for (List<PendingSingle> request : requestsOf(operation, items)) {
            @SuppressWarnings("unchecked")
            List<E> entries = request.stream().map(item -> (E) item.entry()).toList();
            send(operation, entries, timeoutMillis, outcome -> {
                for (PendingSingle item : request) {
                    @SuppressWarnings("unchecked")
                    E entry = (E) item.entry();
                    String label = operation.label(entry);
                    item.end(exchange -> {
                        if (outcome.answered()) {
                            ExchangeResults.single(exchange, outcome,
                                    outcome.of(operation.key(entry), operation.notReported(entry, outcome.eventId())),
                                    label);
                        } else {
                            ExchangeResults.unanswered(exchange, outcome, List.of(label));
                        }
                    });
                }
            });
        }
    }

    private static <E> List<List<PendingSingle>> requestsOf(SubDeviceOperation<E, ?> operation, List<PendingSingle> items) {
        List<List<PendingSingle>> requests = new ArrayList<>();
        List<Set<String>> keys = new ArrayList<>();
        for (PendingSingle item : items) {
            @SuppressWarnings("unchecked")
            String key = operation.key((E) item.entry());
            int target = 0;
            while (target < requests.size()
                   && (keys.get(target).contains(key) || requests.get(target).size() >= operation.maxPerRequest())) {
                target++;
            }
            if (target == requests.size()) {
                requests.add(new ArrayList<>());
                keys.add(new HashSet<>());
            }
            requests.get(target).add(item);
            keys.get(target).add(key);
        }
        return requests;
    }

    /**
     * Publishes one request under a fresh event_id and reports how it ended, exactly once. A request that cannot be
     * published ends at once as a failure.
     */
    <E, S> void send(SubDeviceOperation<E, S> operation, List<E> entries, long timeoutMillis,
                     Consumer<RequestOutcome<S>> done) {
        try {
            connection.request(EventIds::next,
                    eventId -> IotdaJson.request(operation.requestType(), eventId, EventTime.now(clock),
                            operation.paras(entries)),
                    topics.eventsUp(), gatewayConfiguration.getQos(), timeoutMillis, new ReplyListener() {
                        @Override
                        public void onReply(InboundMessage reply) {
                            done.accept(read(operation, entries, reply));
                        }

                        @Override
                        public void onTimeout(String eventId, long timeout) {
                            done.accept(RequestOutcome.timedOut(eventId, timeout));
                        }

                        @Override
                        public void onFailure(String eventId, Exception cause) {
                            done.accept(RequestOutcome.failed(eventId, cause));
                        }
                    });
        } catch (GatewayException | RuntimeException e) {
            done.accept(RequestOutcome.failed(null, e));
        }
    }

    private static <E, S> RequestOutcome<S> read(SubDeviceOperation<E, S> operation, List<E> entries,
            InboundMessage reply) {
        ServiceEvent response = (ServiceEvent) reply.body();
        String eventId = reply.correlationKey();
        try {
            return RequestOutcome.answered(eventId, response.eventType(),
                    operation.outcomes(response.paras(), entries, eventId));
        } catch (IllegalArgumentException unreadable) {
            // the paras do not have the documented shape: every device of the request is then not reported
            return RequestOutcome.answered(eventId, response.eventType(), Map.of());
        }
    }

    @Override
    protected void doStart() throws Exception {
        long timeout = gatewayConfiguration.getRequestTimeout();
        for (HuaweiIotOperation name : HuaweiIotOperation.values()) {
            if (name.isProducer()) {
                SubDeviceOperation<?, ?> operation = SubDeviceOperation.of(name);
                batchers.put(name, new SingleRequestBatcher<>(camelContext, topics.eventsUp() + "#" + name,
                        Math.min(gatewayConfiguration.getBatchSize(), operation.maxPerRequest()),
                        gatewayConfiguration.getBatchTimeout(), items -> sendTogether(operation, items, timeout)));
            }
        }
        if (gatewayConfiguration.isSyncAfterReconnect()) {
            sync = new SyncAfterReconnect(connection, topics, gatewayConfiguration.getQos());
            connection.addNoticeObserver(sync.versionTracker);
            connection.addConnectionListener(sync);
        }
        ServiceHelper.startService(connection);
        ServiceHelper.startService(batchers.values());
    }

    @Override
    protected void doStop() throws Exception {
        // flushes the open requests, whose exchanges then end with their responses or a failure
        ServiceHelper.stopService(batchers.values());
        ServiceHelper.stopService(connection);
    }
}
