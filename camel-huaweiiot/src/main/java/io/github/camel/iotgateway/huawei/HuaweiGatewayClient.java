package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final Map<HuaweiIotOperation, SingleRequestBatcher<SingleDeviceItem>> batchers = new EnumMap<>(HuaweiIotOperation.class);

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
                        gatewayConfiguration.getBatchTimeout(), this::sendTogether));
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
    void enqueue(SingleDeviceItem item, long timeoutMillis) {
        // the item is the batch item's request and its completion: the BatchItem is let go once the batch is sent
        batchers.get(item.operation().operation()).offer(new BatchItem<>(item, item, timeoutMillis));
    }

    /**
     * Publishes the request of one single-device exchange alone: the item takes its outcome itself, with no closure of
     * its own while it waits.
     */
    void sendAlone(SingleDeviceItem item, long timeoutMillis) {
        publish(item.operation(), List.of(item.entry()), timeoutMillis, item);
    }

    /**
     * Sends single-device exchanges of one operation together, as few requests as the platform's limit and their
     * devices allow: a device asked for by two exchanges goes in two requests, as the answer for it names it once.
     * Each exchange ends with its own device's outcome. One alone goes as {@link #sendAlone}.
     */
    void sendTogether(List<BatchItem<SingleDeviceItem>> items, long timeoutMillis) {
        if (items.size() == 1) {
            sendAlone(items.get(0).request(), timeoutMillis);
            return;
        }
        SubDeviceOperation<Object, Object> operation = items.get(0).request().operation();
        for (SingleDeviceItem[] request : requestsOf(operation, items)) {
            SharedRequest shared = new SharedRequest(operation, request);
            publish(operation, shared.entries(), timeoutMillis, shared);
        }
    }

    private static List<SingleDeviceItem[]> requestsOf(SubDeviceOperation<Object, Object> operation,
                                                       List<BatchItem<SingleDeviceItem>> items) {
        List<List<SingleDeviceItem>> requests = new ArrayList<>();
        List<Set<String>> keys = new ArrayList<>();
        for (BatchItem<SingleDeviceItem> item : items) {
            String key = operation.key(item.request().entry());
            int target = 0;
            while (target < requests.size()
                   && (keys.get(target).contains(key) || requests.get(target).size() >= operation.maxPerRequest())) {
                target++;
            }
            if (target == requests.size()) {
                requests.add(new ArrayList<>());
                keys.add(new HashSet<>());
            }
            requests.get(target).add(item.request());
            keys.get(target).add(key);
        }
        List<SingleDeviceItem[]> arrays = new ArrayList<>(requests.size());
        for (List<SingleDeviceItem> request : requests) {
            // what a waiting request holds of its exchanges: exactly them, not the batch items or a list's spare room
            arrays.add(request.toArray(new SingleDeviceItem[0]));
        }
        return arrays;
    }

    /**
     * Publishes one request under a fresh event_id and hands over how it ended, exactly once, with the response read
     * for every device of the request ({@link #received}).
     */
    <E, S> void send(SubDeviceOperation<E, S> operation, List<E> entries, long timeoutMillis,
                     Consumer<RequestOutcome> done) {
        publish(operation, entries, timeoutMillis, outcome -> done.accept(received(operation, entries, outcome)));
    }

    /**
     * A request's outcome read for every device of the request ({@link IotdaResponse}); what the platform took is
     * followed for the ONLINE re-report ({@link StatusAfterReconnect}).
     */
    <E, S> RequestOutcome received(SubDeviceOperation<E, S> operation, List<E> entries, RequestOutcome outcome) {
        RequestOutcome read = IotdaResponse.read(operation, entries, outcome);
        if (statusAfterReconnect != null) {
            statusAfterReconnect.observe(operation, read);
        }
        return read;
    }

    /** Publishes one request under a fresh event_id; {@code handler} takes its raw outcome, exactly once. */
    private <E> void publish(SubDeviceOperation<E, ?> operation, List<E> entries, long timeoutMillis,
                             Consumer<RequestOutcome> handler) {
        send(EventIds::next,
                eventId -> IotdaJson.request(operation.requestType(), eventId, EventTime.now(clock),
                        operation.paras(entries)),
                topics.eventsUp(), gatewayConfiguration.getQos(), timeoutMillis, handler);
    }

    /** One request carrying several single-device exchanges of a batch: its outcome ends each of them. */
    private final class SharedRequest implements Consumer<RequestOutcome> {

        private final SubDeviceOperation<Object, Object> operation;
        private final SingleDeviceItem[] items;

        SharedRequest(SubDeviceOperation<Object, Object> operation, SingleDeviceItem[] items) {
            this.operation = operation;
            this.items = items;
        }

        /** The request's entries, in the order of its exchanges; made when needed rather than held while it waits. */
        List<Object> entries() {
            Object[] entries = new Object[items.length];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = items[i].entry();
            }
            return Arrays.asList(entries);
        }

        @Override
        public void accept(RequestOutcome outcome) {
            RequestOutcome read = received(operation, entries(), outcome);
            for (SingleDeviceItem item : items) {
                item.partEnded(0, read);
            }
        }
    }
}
