package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.BatchItem;
import io.github.camel.iotgateway.mqtt.GatewayClientSupport;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.mqtt.SingleRequestBatcher;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The child-device side of one gateway: it publishes requests under fresh event_ids, reads the responses per device,
 * and gathers single-device exchanges into shared requests. Shared by every endpoint naming the gateway; owns the
 * gateway's one connection.
 */
final class HuaweiGatewayClient extends GatewayClientSupport {

    private final IotdaTopics topics;
    private final HuaweiIotConfiguration gatewayConfiguration;
    private final Clock clock = Clock.systemUTC();
    private final ChildListSync sync;
    private final StatusAfterReconnect statusAfterReconnect;
    private final StateRepository<String, String> versions;
    private final Map<HuaweiIotOperation, SingleRequestBatcher<Object>> batchers = new EnumMap<>(HuaweiIotOperation.class);

    /**
     * @param gatewayConfiguration the configuration of the first endpoint that named this gateway; every later one
     *                             agrees with it on the gateway-wide options
     */
    HuaweiGatewayClient(CamelContext camelContext, GatewayConnection connection, IotdaTopics topics,
                        HuaweiIotConfiguration gatewayConfiguration) {
        super(camelContext, connection);
        this.topics = topics;
        this.gatewayConfiguration = gatewayConfiguration;
        for (HuaweiIotOperation name : HuaweiIotOperation.values()) {
            if (name.isProducer()) {
                SubDeviceOperation<?, ?> operation = SubDeviceOperation.of(name);
                batchers.put(name, newBatcher(name.name(),
                        Math.min(gatewayConfiguration.getBatchSize(), operation.maxPerRequest()),
                        gatewayConfiguration.getBatchTimeout(), (items, timeout) -> sendTogether(operation, items, timeout)));
            }
        }
        versions = gatewayConfiguration.getStateRepository() != null
                ? gatewayConfiguration.getStateRepository() : new MemoryStateRepository();
        if (gatewayConfiguration.isSyncOnConnect()) {
            sync = new ChildListSync(connection, topics, gatewayConfiguration.getQos(), versions);
            connection.addNoticeObserver(sync.versionTracker);
            connection.addConnectionListener(sync);
        } else {
            sync = null;
        }
        if (gatewayConfiguration.isReportStatusAfterReconnect()) {
            statusAfterReconnect = new StatusAfterReconnect(this, gatewayConfiguration.getRequestTimeout());
            connection.addConnectionListener(statusAfterReconnect);
        } else {
            statusAfterReconnect = null;
        }
    }

    /** The ONLINE re-report after reconnects; null when the option is off. */
    StatusAfterReconnect statusAfterReconnect() {
        return statusAfterReconnect;
    }

    /** The child-list sync on every connect; null when the option is off. */
    ChildListSync sync() {
        return sync;
    }

    @Override
    protected void doStart() throws Exception {
        // the versions must be readable before the first connect asks for a sync
        ServiceHelper.startService(versions);
        super.doStart();
    }

    IotdaTopics topics() {
        return topics;
    }

    /** Gathers a single-device exchange into the gateway's open request for its operation. */
    void enqueue(SubDeviceOperation<?, ?> operation, BatchItem<Object> item) {
        batchers.get(operation.operation()).offer(item);
    }

    /**
     * Sends single-device exchanges together, as few requests as the platform's limit and their devices allow: a
     * device asked for by two exchanges goes in two requests, as the answer for it names it once. Each exchange ends
     * with its own device's outcome.
     */
    <E, S> void sendTogether(SubDeviceOperation<E, S> operation, List<BatchItem<Object>> items, long timeoutMillis) {
        for (List<BatchItem<Object>> request : requestsOf(operation, items)) {
            @SuppressWarnings("unchecked")
            List<E> entries = request.stream().map(item -> (E) item.request()).toList();
            send(operation, entries, timeoutMillis,
                    outcome -> request.forEach(item -> item.completion().partEnded(0, outcome)));
        }
    }

    private static <E> List<List<BatchItem<Object>>> requestsOf(SubDeviceOperation<E, ?> operation,
                                                               List<BatchItem<Object>> items) {
        List<List<BatchItem<Object>>> requests = new ArrayList<>();
        List<Set<String>> keys = new ArrayList<>();
        for (BatchItem<Object> item : items) {
            @SuppressWarnings("unchecked")
            String key = operation.key((E) item.request());
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
     * Publishes one request under a fresh event_id and hands over how it ended, exactly once, with the response read
     * for every device of the request ({@link IotdaResponse}).
     */
    <E, S> void send(SubDeviceOperation<E, S> operation, List<E> entries, long timeoutMillis,
                     Consumer<RequestOutcome> done) {
        send(EventIds::next,
                eventId -> IotdaJson.request(operation.requestType(), eventId, EventTime.now(clock),
                        operation.paras(entries)),
                topics.eventsUp(), gatewayConfiguration.getQos(), timeoutMillis,
                outcome -> {
                    RequestOutcome read = IotdaResponse.read(operation, entries, outcome);
                    if (statusAfterReconnect != null) {
                        statusAfterReconnect.observe(operation, read);
                    }
                    done.accept(read);
                });
    }
}
