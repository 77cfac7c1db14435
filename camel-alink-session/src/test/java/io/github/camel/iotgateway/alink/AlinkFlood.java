package io.github.camel.iotgateway.alink;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import io.github.camel.iotgateway.alink.error.AlinkSessionException;
import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.MisbehaviourCounts;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Floods one gateway with single-device logouts while the platform misbehaves every way it can, and counts how each
 * exchange ended. Exchanges go in through an asynchronous producer, a semaphore keeping a few thousand in flight (a
 * ProducerTemplate's asyncSend would block one of its pool threads per exchange and so keep only a handful in flight).
 * The route counts, per exchange, how often it came out of the alink-session producer: exactly once is the rule.
 */
final class AlinkFlood {

    static final String ROUTE = "direct:flood";
    private static final String INDEX = "floodIndex";

    /** What a flood did, as the test reports it. */
    record Figures(int sent, int maxInFlight, long millis, long succeeded, Map<String, Long> failedByType,
                   long endedTwice, long neverEnded, int pendingAfter, long repliesUnmatched, long timeouts,
                   long malformedMessages, long unclaimedNotices, MisbehaviourCounts platform, long heapGrowthBytes) {

        long failed() {
            return failedByType.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return String.format("%,d single logouts in %,d ms (%d in flight at most): %,d succeeded, %,d failed %s;"
                                 + " ended twice %d, never ended %d; correlation table after: %d pending;"
                                 + " core dropped %,d unmatched replies, %,d timeouts, %,d malformed messages,"
                                 + " %,d unclaimed notices; platform %s; used heap after GC grew by %,d KB",
                    sent, millis, maxInFlight, succeeded, failed(), failedByType, endedTwice, neverEnded, pendingAfter,
                    repliesUnmatched, timeouts, malformedMessages, unclaimedNotices, platform, heapGrowthBytes / 1024);
        }
    }

    private final int count;
    private final AtomicIntegerArray endedInRoute;
    private final AtomicIntegerArray callbacks;
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> failedByType = new ConcurrentHashMap<>();

    AlinkFlood(int count) {
        this.count = count;
        this.endedInRoute = new AtomicIntegerArray(count);
        this.callbacks = new AtomicIntegerArray(count);
    }

    /** The flood's route; no error handler, so thousands of expected failures are neither retried nor logged. */
    RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(ROUTE)
                        .doTry()
                            .to("alink-session:logout")
                            .process(e -> ended(e))
                        .doCatch(Exception.class)
                            .process(e -> ended(e))
                            .process(e -> e.setException(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                        .end();
            }
        };
    }

    private void ended(Exchange exchange) {
        endedInRoute.incrementAndGet(exchange.getProperty(INDEX, Integer.class));
    }

    /** The {@code i}-th sub-device of a flood. */
    static SubDeviceId device(int i) {
        return new SubDeviceId(AlinkTestSupport.SUB_PK, String.format("flood-%07d", i));
    }

    /**
     * Sends {@code count} logouts, at most {@code maxInFlight} at a time, and waits until every exchange ended and the
     * platform's late replies had time to arrive.
     *
     * @param noSessionEvery every this-many-th sub-device is never online, so its logout is refused (520)
     * @param lateReplyMillis how long after the last exchange ended late replies may still arrive
     */
    Figures run(CamelContext camel, AlinkPlatformSimulator platform, GatewayConnectionSupplier connection,
            int maxInFlight, int noSessionEvery, long lateReplyMillis) throws Exception {
        Endpoint endpoint = camel.getEndpoint(ROUTE);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        long heapBefore = usedHeapAfterGc();
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicInteger outstanding = new AtomicInteger();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                SubDeviceId device = device(i);
                if (i % noSessionEvery != 0) {
                    platform.setOnline(device.productKey(), device.deviceName());
                }
                inFlight.acquire();
                outstanding.incrementAndGet();
                Exchange exchange = endpoint.createExchange();
                exchange.setProperty(INDEX, i);
                exchange.getMessage().setBody(device);
                int index = i;
                producer.process(exchange, doneSync -> {
                    try {
                        callbacks.incrementAndGet(index);
                        record(exchange.getException());
                    } finally {
                        outstanding.decrementAndGet();
                        inFlight.release();
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (outstanding.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            producer.stop();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // replies held back past the timeout, duplicates and made-up ones are still on their way: let them be dropped
        Thread.sleep(lateReplyMillis);
        GatewayConnection gateway = connection.get();
        long heapAfter = usedHeapAfterGc();
        long twice = 0;
        long never = 0;
        for (int i = 0; i < count; i++) {
            int inRoute = endedInRoute.get(i);
            int called = callbacks.get(i);
            if (inRoute > 1 || called > 1) {
                twice++;
            } else if (inRoute == 0 || called == 0) {
                never++;
            }
        }
        Map<String, Long> failed = new TreeMap<>();
        failedByType.forEach((type, n) -> failed.put(type, n.sum()));
        return new Figures(count, maxInFlight, millis, succeeded.sum(), failed, twice, never,
                gateway.pendingReplies().size(), gateway.pendingReplies().repliesUnmatched(),
                gateway.pendingReplies().timeouts(), gateway.malformedMessages(), gateway.unclaimedNotices(),
                platform.misbehaviourCounts(), heapAfter - heapBefore);
    }

    private void record(Exception failure) {
        if (failure == null) {
            succeeded.increment();
            return;
        }
        String type = failure instanceof AlinkSessionTimeoutException || failure instanceof AlinkSessionException
                ? failure.getClass().getSimpleName() : "UNEXPECTED " + failure;
        failedByType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The gateway connection, looked up once the flood's producer holds it. */
    @FunctionalInterface
    interface GatewayConnectionSupplier {
        GatewayConnection get() throws Exception;
    }
}
