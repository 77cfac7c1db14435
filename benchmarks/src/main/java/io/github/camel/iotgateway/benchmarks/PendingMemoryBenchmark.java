package io.github.camel.iotgateway.benchmarks;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * 5: heap held per in-flight request, of alink-session's {@code logout} (5a-5c) and huaweiiot's
 * {@code deleteSubDevice} (5d, 5e). A silent simulator receives the requests but never answers, the request timeout
 * is long, and the used heap after full GCs is read before and after submitting the requests, once all of them are on
 * the wire. Each measurement runs on a fresh gateway, whose stop fails the pending exchanges and frees them.
 * <p>
 * Requests the component refuses at once (it failed them before publishing) are counted as failures; the figure is
 * still heap over requests submitted, as the refused exchanges stay referenced too.
 */
final class PendingMemoryBenchmark {

    /** Long enough that nothing times out while the heap is read. */
    private static final long PENDING_TIMEOUT_MILLIS = 600_000;
    private static final long PUBLISH_WAIT_MILLIS = 60_000;
    private static final int WARM_UP_REQUESTS = 200;
    /** 5c: fewer pending requests, to show whether the cost per request depends on how many are pending. */
    private static final int FEWER_PENDING = 1000;

    private final BenchSettings settings;
    private final String brokerUrl;
    private final Identities ids;
    private final SubDeviceId[] devices;
    private final String[] children;
    private int gatewaysUsed;

    /** One heap measurement: bytes per submitted request, and the requests that failed at once. */
    private record Held(double bytesPerRequest, long submitted, long refused, String firstFailure) {
    }

    PendingMemoryBenchmark(BenchSettings settings, String brokerUrl, Identities ids) {
        this.settings = settings;
        this.brokerUrl = brokerUrl;
        this.ids = ids;
        this.devices = Identities.alinkSubDevices(settings.memoryPending());
        this.children = Identities.iotdaChildren(settings.memoryPending());
    }

    List<Row> run() throws Exception {
        int rounds = settings.memoryRounds();
        int n = settings.memoryPending();
        int few = Math.min(n, FEWER_PENDING);
        List<Held> unbatched = new ArrayList<>();
        List<Held> batched = new ArrayList<>();
        List<Held> unbatchedFew = new ArrayList<>();
        List<Held> raw = new ArrayList<>();
        List<Held> huaweiUnbatched = new ArrayList<>();
        List<Held> huaweiBatched = new ArrayList<>();
        List<Held> rawIotda = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            unbatched.add(component(false, n));
            batched.add(component(true, n));
            unbatchedFew.add(component(false, few));
            raw.add(raw(n));
            huaweiUnbatched.add(huawei(false, n));
            huaweiBatched.add(huawei(true, n));
            rawIotda.add(rawIotda(n));
            Progress.log("5 pending memory: round %d/%d huaweiiot %.0f B (batching=false, %d refused), %.0f B"
                         + " (batching=true), raw %.0f B", r + 1, rounds, huaweiUnbatched.get(r).bytesPerRequest(),
                    huaweiUnbatched.get(r).refused(), huaweiBatched.get(r).bytesPerRequest(),
                    rawIotda.get(r).bytesPerRequest());
            Progress.log("5 pending memory: round %d/%d component %.0f B (batching=false, %d refused), %.0f B"
                         + " (batching=true), %.0f B (batching=false, %d pending), raw %.0f B", r + 1, rounds,
                    unbatched.get(r).bytesPerRequest(), unbatched.get(r).refused(), batched.get(r).bytesPerRequest(),
                    unbatchedFew.get(r).bytesPerRequest(), few, raw.get(r).bytesPerRequest());
        }
        Figure rawFigure = figure(raw);
        Target target = Target.valueAtMost(1024, "≤ 1 KB");
        List<Row> rows = new ArrayList<>();
        rows.add(Row.compare(String.format("5a. Heap per pending `logout`, %,d pending, batching=false (bytes)%s", n,
                refusals(unbatched)), figure(unbatched), rawFigure, target));
        rows.add(Row.compare(String.format("5b. Heap per pending `logout`, %,d pending, batching=true (bytes)%s", n,
                refusals(batched)), figure(batched), rawFigure, target));
        rows.add(Row.compare(String.format("5c. Heap per pending `logout`, %,d pending, batching=false (bytes)%s", few,
                refusals(unbatchedFew)), figure(unbatchedFew), rawFigure, target));
        Figure rawIotdaFigure = figure(rawIotda);
        rows.add(Row.compare(String.format("5d. Heap per pending huaweiiot `deleteSubDevice`, %,d pending,"
                                           + " batching=false (bytes)%s", n, refusals(huaweiUnbatched)),
                figure(huaweiUnbatched), rawIotdaFigure, target));
        rows.add(Row.compare(String.format("5e. Heap per pending huaweiiot `deleteSubDevice`, %,d pending,"
                                           + " batching=true (bytes)%s", n, refusals(huaweiBatched)),
                figure(huaweiBatched), rawIotdaFigure, target));
        return rows;
    }

    /** Bytes held per pending exchange of alink-session. */
    private Held component(boolean batching, int count) throws Exception {
        String gateway = ids.alinkGateway("Mem" + (++gatewaysUsed));
        try (AlinkPlatformSimulator platform = AlinkBenchmarks.simulator(brokerUrl, gateway);
             CamelContext camel = new DefaultCamelContext()) {
            AlinkSessionComponent alink = new AlinkSessionComponent();
            alink.getConfiguration().setBrokerUrl(brokerUrl);
            alink.getConfiguration().setGatewayProductKey(gateway);
            alink.getConfiguration().setGatewayDeviceName(AlinkBenchmarks.GATEWAY_DEVICE_NAME);
            alink.getConfiguration().setRequestTimeout(PENDING_TIMEOUT_MILLIS);
            camel.addComponent("alink-session", alink);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            template.setThreadedAsyncMode(false);
            Endpoint endpoint = camel.getEndpoint("alink-session:logout?batching=" + batching);
            warmUp(platform, template, endpoint);
            SessionOperation wire = batching ? SessionOperation.BATCH_LOGOUT : SessionOperation.LOGOUT;
            List<CompletableFuture<Exchange>> held = new ArrayList<>(count);
            Held result = measure(count, () -> submitAll(template, endpoint, devices, count, batching, held),
                    () -> platform.requestCount(wire), held);
            // the caller's futures count as part of an in-flight request; keep them reachable until measured
            Reference.reachabilityFence(held);
            return result;
        }
    }

    /**
     * Submits {@code count} single exchanges, one a body, keeping their futures in {@code held}.
     *
     * @return the requests the platform should see: a batch of up to {@link BenchSettings#BATCH}, or one an exchange
     *         that was not refused at once
     */
    private static long submitAll(ProducerTemplate template, Endpoint endpoint, Object[] bodies, int count,
                                  boolean batching, List<CompletableFuture<Exchange>> held) {
        for (int i = 0; i < count; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(bodies[i]);
            held.add(template.asyncSend(endpoint, exchange));
        }
        long refused = held.stream().filter(CompletableFuture::isDone).count();
        return batching ? (count + BenchSettings.BATCH - 1) / BenchSettings.BATCH : count - refused;
    }

    /**
     * Bytes held per pending single {@code deleteSubDevice} exchange of huaweiiot, unpaced (the pace would hold
     * unbatched requests back in its queue rather than on the wire) and at QoS 0, as the Alink rows publish: at QoS 1
     * (its default) Paho refuses publishes past maxInflight (1,000), and a silent platform's queue at the broker holds
     * no more either.
     */
    private Held huawei(boolean batching, int count) throws Exception {
        String gateway = ids.iotdaGateway("Mem" + (++gatewaysUsed));
        try (IotdaPlatformSimulator platform = IotdaPlatformSimulator.builder(brokerUrl, gateway).rateLimits(0, 0)
                .start();
             CamelContext camel = new DefaultCamelContext()) {
            HuaweiIotComponent huawei = new HuaweiIotComponent();
            huawei.getConfiguration().setBrokerUrl(brokerUrl);
            huawei.getConfiguration().setGatewayDeviceId(gateway);
            huawei.getConfiguration().setRequestTimeout(PENDING_TIMEOUT_MILLIS);
            huawei.getConfiguration().setMaxMessagesPerSecond(0);
            huawei.getConfiguration().setMaxBytesPerSecond(0);
            huawei.getConfiguration().setQos(0);
            camel.addComponent("huaweiiot", huawei);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            template.setThreadedAsyncMode(false);
            Endpoint endpoint = camel.getEndpoint("huaweiiot:deleteSubDevice?batching=" + batching);
            List<CompletableFuture<Exchange>> warm = new ArrayList<>();
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                platform.registerChild(children[i]);
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setBody(children[i]);
                warm.add(template.asyncSend(endpoint, exchange));
            }
            warm.forEach(CompletableFuture::join);
            platform.setSilent(true);
            platform.resetCounters();
            List<CompletableFuture<Exchange>> held = new ArrayList<>(count);
            Held result = measure(count, () -> submitAll(template, endpoint, children, count, batching, held),
                    () -> platform.requestCount(EventType.DELETE_SUB_DEVICE_REQUEST), held);
            Reference.reachabilityFence(held);
            return result;
        }
    }

    /** Bytes held per pending single-child request of the raw IoTDA client (QoS 0): its map entry, futures, timeout. */
    private Held rawIotda(int count) throws Exception {
        String gateway = ids.iotdaGateway("Mem" + (++gatewaysUsed));
        try (IotdaPlatformSimulator platform = IotdaPlatformSimulator.builder(brokerUrl, gateway).rateLimits(0, 0)
                .start();
             RawIotdaClient raw = RawIotdaClient.connect(brokerUrl, gateway, 0)) {
            List<CompletableFuture<?>> warm = new ArrayList<>();
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                platform.registerChild(children[i]);
                warm.add(raw.delete(List.of(children[i]), PENDING_TIMEOUT_MILLIS));
            }
            warm.forEach(CompletableFuture::join);
            platform.setSilent(true);
            platform.resetCounters();
            List<CompletableFuture<?>> held = new ArrayList<>(count);
            Held result = measure(count, () -> {
                for (int i = 0; i < count; i++) {
                    held.add(raw.delete(List.of(children[i]), PENDING_TIMEOUT_MILLIS));
                }
                return count - held.stream().filter(CompletableFuture::isDone).count();
            }, () -> platform.requestCount(EventType.DELETE_SUB_DEVICE_REQUEST), held);
            Reference.reachabilityFence(held);
            return result;
        }
    }

    /** Bytes held per pending request of the raw client: its map entry, future and timeout. */
    private Held raw(int count) throws Exception {
        String gateway = ids.alinkGateway("Mem" + (++gatewaysUsed));
        try (AlinkPlatformSimulator platform = AlinkBenchmarks.simulator(brokerUrl, gateway);
             RawAlinkClient raw = RawAlinkClient.connect(brokerUrl, gateway, AlinkBenchmarks.GATEWAY_DEVICE_NAME)) {
            List<CompletableFuture<?>> warm = new ArrayList<>();
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                platform.setOnline(devices[i].productKey(), devices[i].deviceName());
                warm.add(raw.request(SessionOperation.LOGOUT, devices[i], PENDING_TIMEOUT_MILLIS));
            }
            warm.forEach(CompletableFuture::join);
            platform.setSilent(true);
            platform.resetCounters();
            List<CompletableFuture<?>> held = new ArrayList<>(count);
            Held result = measure(count, () -> {
                for (int i = 0; i < count; i++) {
                    held.add(raw.request(SessionOperation.LOGOUT, devices[i], PENDING_TIMEOUT_MILLIS));
                }
                return count - held.stream().filter(CompletableFuture::isDone).count();
            }, () -> platform.requestCount(SessionOperation.LOGOUT), held);
            Reference.reachabilityFence(held);
            return result;
        }
    }

    /** Warms the gateway with answered requests, sent together as a burst would be, then silences the platform. */
    private void warmUp(AlinkPlatformSimulator platform, ProducerTemplate template, Endpoint endpoint) {
        List<CompletableFuture<Exchange>> warm = new ArrayList<>();
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            platform.setOnline(devices[i].productKey(), devices[i].deviceName());
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(devices[i]);
            warm.add(template.asyncSend(endpoint, exchange));
        }
        warm.forEach(CompletableFuture::join);
        platform.setSilent(true);
        platform.resetCounters();
    }

    /**
     * @param submit   sends every request and returns how many messages should reach the platform
     * @param received messages the platform received so far
     * @param held     the submitted requests' futures
     */
    private Held measure(int count, LongSupplier submit, LongSupplier received,
                         List<? extends CompletableFuture<?>> held) throws Exception {
        long before = HeapProbe.settledUsedBytes();
        long expected = submit.getAsLong();
        long deadline = System.currentTimeMillis() + PUBLISH_WAIT_MILLIS;
        while (received.getAsLong() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        if (received.getAsLong() < expected) {
            throw new IllegalStateException("only " + received.getAsLong() + " of " + expected
                                            + " messages reached the platform");
        }
        long after = HeapProbe.settledUsedBytes();
        List<String> failures = held.stream().filter(CompletableFuture::isDone).map(PendingMemoryBenchmark::failureOf)
                .filter(Objects::nonNull).toList();
        return new Held((after - before) / (double) count, count, failures.size(),
                failures.isEmpty() ? null : failures.get(0));
    }

    /** Why a request that ended before any reply could come failed; null if it did not. */
    private static String failureOf(CompletableFuture<?> request) {
        Object outcome = request.handle((r, e) -> e != null ? e : r instanceof Exchange x ? x.getException() : null)
                .join();
        return outcome == null ? null : outcome.toString();
    }

    private static Figure figure(List<Held> measurements) {
        return new Figure(measurements.stream().mapToDouble(Held::bytesPerRequest).toArray(), Figure.Unit.BYTES,
                measurements.stream().mapToLong(Held::refused).sum(),
                measurements.stream().mapToLong(Held::submitted).sum());
    }

    /** Names the first refusal, for the table: refusals are a finding of their own. */
    private static String refusals(List<Held> measurements) {
        return measurements.stream().map(Held::firstFailure).filter(Objects::nonNull).findFirst()
                .map(f -> "; requests refused at once: `" + f.replace('|', '/') + "`").orElse("");
    }
}
