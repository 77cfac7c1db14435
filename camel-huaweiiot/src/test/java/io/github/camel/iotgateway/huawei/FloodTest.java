package io.github.camel.iotgateway.huawei;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import io.github.camel.iotgateway.huawei.error.HuaweiIotException;
import io.github.camel.iotgateway.huawei.error.HuaweiIotTimeoutException;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.simulator.MisbehaviourCounts;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform floods: responses are dropped, duplicated, delayed past the timeout, reordered, malformed (not JSON,
 * wrong types, 256 KB) or for event_ids nobody sent, while single deletes pour in, thousands in flight. Each exchange
 * ends exactly once with a success or a typed error, nothing stays pending, and the counters say what was dropped.
 */
class FloodTest extends HuaweiIotTestSupport {

    private static final int COUNT = 20_000;
    private static final int MAX_IN_FLIGHT = 5_000;
    /** Every this-many-th child is unknown to the platform, so its delete fails. */
    private static final int UNKNOWN_EVERY = 100;
    private static final long REQUEST_TIMEOUT = 2_000;
    private static final long LATE_BY = 2_500;
    private static final String INDEX = "floodIndex";

    private final AtomicIntegerArray endedInRoute = new AtomicIntegerArray(COUNT);
    private final AtomicIntegerArray callbacks = new AtomicIntegerArray(COUNT);
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> failedByType = new ConcurrentHashMap<>();

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(REQUEST_TIMEOUT);
        // the flood is about a misbehaving platform's responses, 20,000 at once: the pace (which would make most of
        // them wait past their timeout, typed) has tests of its own
        configuration.setMaxMessagesPerSecond(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // thousands of expected failures: neither retried nor logged
                errorHandler(noErrorHandler());
                from("direct:flood")
                        .doTry()
                            .to("huaweiiot:deleteSubDevice")
                            .process(e -> endedInRoute.incrementAndGet(e.getProperty(INDEX, Integer.class)))
                        .doCatch(Exception.class)
                            .process(e -> endedInRoute.incrementAndGet(e.getProperty(INDEX, Integer.class)))
                            .process(e -> e.setException(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                        .end();
            }
        };
    }

    @Test
    void aFloodOfMisbehavingResponsesEndsEveryExchangeOnceWithATypedOutcomeAndLeavesNothingPending() throws Exception {
        // the component's pace is off here (see configure): so are the platform's caps
        platform.setRateLimits(0, 0);
        platform.setMisbehaviourSeed(6L);
        platform.setDropReplies(0.02);
        platform.setDelayPastTimeout(LATE_BY, 0.02);
        platform.setMalformedReplies(0.05);
        platform.setDuplicateReplies(true);
        platform.setReorderReplies(true);
        platform.setUnsolicitedReplies(true);
        Endpoint endpoint = context.getEndpoint("direct:flood");
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        long heapBefore = usedHeapAfterGc();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicInteger outstanding = new AtomicInteger();

        long start = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            String child = PRODUCT_ID + "_flood-" + i;
            if (i % UNKNOWN_EVERY != 0) {
                platform.registerChild(child);
            }
            inFlight.acquire();
            outstanding.incrementAndGet();
            Exchange exchange = endpoint.createExchange();
            exchange.setProperty(INDEX, i);
            exchange.getMessage().setBody(child);
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
        await("every exchange ended", java.time.Duration.ofSeconds(30), () -> outstanding.get() == 0);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        producer.stop();
        // responses held back past the timeout, duplicates and made-up ones are still on their way
        Thread.sleep(LATE_BY + 1_000);

        GatewayConnection gateway = connection();
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        long twice = 0;
        long never = 0;
        for (int i = 0; i < COUNT; i++) {
            twice += endedInRoute.get(i) > 1 || callbacks.get(i) > 1 ? 1 : 0;
            never += endedInRoute.get(i) == 0 || callbacks.get(i) == 0 ? 1 : 0;
        }
        Map<String, Long> failed = new TreeMap<>();
        failedByType.forEach((type, n) -> failed.put(type, n.sum()));
        MisbehaviourCounts misbehaviour = platform.misbehaviourCounts();
        System.out.printf("huaweiiot flood: %,d single deletes in %,d ms (%d in flight at most): %,d succeeded,"
                          + " %,d failed %s; ended twice %d, never ended %d; correlation table after: %d pending;"
                          + " core dropped %,d unmatched responses, %,d timeouts, %,d malformed messages,"
                          + " %,d unclaimed notices; platform %s; used heap after GC grew by %,d KB%n",
                COUNT, millis, MAX_IN_FLIGHT, succeeded.sum(), failed.values().stream().mapToLong(Long::longValue).sum(),
                failed, twice, never, gateway.pendingReplies().size(), gateway.pendingReplies().repliesUnmatched(),
                gateway.pendingReplies().timeouts(), gateway.malformedMessages(), gateway.unclaimedNotices(),
                misbehaviour, heapGrowth / 1024);

        assertThat(twice).as("exchanges that ended twice").isZero();
        assertThat(never).as("exchanges that never ended").isZero();
        assertThat(failed.keySet()).as("failure types").noneMatch(t -> t.startsWith("UNEXPECTED"))
                .contains("HuaweiIotTimeoutException", "HuaweiSubDeviceFailedException");
        assertThat(succeeded.sum()).isPositive();
        assertThat(gateway.pendingReplies().size()).as("requests left in the correlation table").isZero();
        assertThat(gateway.pendingReplies().repliesUnmatched()).as("responses nobody waited for").isPositive();
        assertThat(gateway.pendingReplies().timeouts()).as("requests timed out").isPositive();
        assertThat(gateway.malformedMessages()).as("malformed messages dropped").isPositive();
        // a response whose event_id is an object cannot be matched: it is a notice nobody takes
        assertThat(gateway.unclaimedNotices()).as("notices nobody took").isPositive();
        assertThat(misbehaviour.dropped()).isPositive();
        assertThat(misbehaviour.delayed()).isPositive();
        assertThat(misbehaviour.malformed()).isPositive();
        assertThat(heapGrowth).as("used heap growth after GC").isLessThan(32L * 1024 * 1024);
    }

    private void record(Exception failure) {
        if (failure == null) {
            succeeded.increment();
            return;
        }
        String type = failure instanceof HuaweiIotException || failure instanceof HuaweiIotTimeoutException
                ? failure.getClass().getSimpleName() : "UNEXPECTED " + failure;
        failedByType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
