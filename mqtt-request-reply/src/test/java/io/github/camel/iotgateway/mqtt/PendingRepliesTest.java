package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingRepliesTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final PendingReplies pending = new PendingReplies(timer, workers);

    @AfterEach
    void stop() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    @Test
    void aKeyIsRefusedWhileItsRequestIsPending() {
        assertThat(pending.register("7", 10_000, new Recorder())).isTrue();
        assertThat(pending.register("7", 10_000, new Recorder())).isFalse();
        assertThat(pending.complete(new InboundMessage("t", "7", "r"))).isTrue();
        assertThat(pending.register("7", 10_000, new Recorder())).isTrue();
    }

    @Test
    void aFreshKeySkipsKeysThatArePending() {
        pending.register("1", 10_000, new Recorder());
        pending.register("2", 10_000, new Recorder());
        AtomicInteger next = new AtomicInteger(1);
        String key = pending.registerUnderFreshKey(() -> Integer.toString(next.getAndIncrement()), 10_000, new Recorder());
        assertThat(key).isEqualTo("3");
    }

    @Test
    void aLateOrUnknownReplyIsDroppedAndCounted() throws Exception {
        Recorder recorder = new Recorder();
        pending.register("9", 20, recorder);
        assertThat(recorder.ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.outcomes).containsExactly("timeout 9");
        assertThat(pending.complete(new InboundMessage("t", "9", "late"))).isFalse();
        assertThat(pending.complete(new InboundMessage("t", "nobody", "x"))).isFalse();
        assertThat(pending.repliesUnmatched()).isEqualTo(2);
        assertThat(pending.timeouts()).isEqualTo(1);
    }

    @Test
    void repliesRacingTheirTimeoutsEndEachRequestExactlyOnce() throws Exception {
        int requests = 20_000;
        Map<String, AtomicInteger> endings = new ConcurrentHashMap<>();
        CountDownLatch allEnded = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            String key = Integer.toString(i);
            AtomicInteger count = new AtomicInteger();
            endings.put(key, count);
            // every outcome, whether reply, timeout or failure, counts as an ending
            pending.register(key, 1 + i % 3, outcome -> {
                count.incrementAndGet();
                allEnded.countDown();
            });
        }
        // two repliers per key, racing each other and the 1-3 ms timeouts
        ExecutorService repliers = Executors.newFixedThreadPool(2);
        for (int r = 0; r < 2; r++) {
            repliers.execute(() -> {
                for (int i = 0; i < requests; i++) {
                    pending.complete(new InboundMessage("t", Integer.toString(i), "reply"));
                }
            });
        }
        assertThat(allEnded.await(20, TimeUnit.SECONDS)).isTrue();
        repliers.shutdown();
        assertThat(repliers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(endings.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(pending.size()).isZero();
        assertThat(pending.repliesMatched() + pending.timeouts()).isEqualTo(requests);
    }

    @Test
    void failAllEndsEveryPendingRequestWithTheFailure() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        pending.register("a", 10_000, a);
        pending.register("b", 10_000, b);
        pending.failAll(new IllegalStateException("going away"));
        assertThat(a.ended.await(2, TimeUnit.SECONDS) && b.ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(a.outcomes).containsExactly("failure a going away");
        assertThat(pending.size()).isZero();
    }

    @Test
    void aTimeoutStillEndsItsRequestWhenTheWorkersRefuseTheTask() throws Exception {
        PendingReplies refusing = new PendingReplies(timer, task -> {
            throw new java.util.concurrent.RejectedExecutionException("shutting down");
        });
        Recorder recorder = new Recorder();
        refusing.register("r", 10, recorder);
        assertThat(recorder.ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(recorder.outcomes).containsExactly("timeout r");
    }

    @Test
    void aHandlerThatThrowsOnTheReplyStillEndsItsRequest() {
        java.util.List<String> ends = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        pending.register("t", 10_000, outcome -> {
            if (outcome.answered()) {
                ends.add("reply " + outcome.body());
                throw boom;
            } else if (outcome.isTimeout()) {
                ends.add("timeout");
            } else {
                failures.add(outcome.failure());
                ends.add("failure " + outcome.key() + " " + outcome.failure().getMessage());
            }
        });
        assertThat(pending.complete(new InboundMessage("t", "t", "r"))).isTrue();
        // the reply first; the handler threw, so it is handed a second, failed outcome carrying what it threw
        assertThat(ends).containsExactly("reply r", "failure t boom");
        assertThat(failures).singleElement().isSameAs(boom);
        assertThat(pending.handlerFailures()).isEqualTo(1);
        assertThat(pending.repliesMatched()).isEqualTo(1);
        assertThat(pending.size()).isZero();
    }

    @Test
    void oneTimerTaskKeepsTheTimeoutsOfEveryPendingRequest() {
        ScheduledThreadPoolExecutor countedTimer = new ScheduledThreadPoolExecutor(1);
        try {
            PendingReplies table = new PendingReplies(countedTimer, workers);
            for (int i = 0; i < 1000; i++) {
                table.register(Integer.toString(i), 60_000, new Recorder());
            }
            assertThat(countedTimer.getQueue()).hasSize(1);
            for (int i = 0; i < 1000; i++) {
                assertThat(table.complete(new InboundMessage("t", Integer.toString(i), "r"))).isTrue();
            }
            assertThat(table.size()).isZero();
        } finally {
            countedTimer.shutdownNow();
        }
    }

    @Test
    void aStopLeavesNoTaskOfItsTableOnTheSharedTimer() {
        ScheduledThreadPoolExecutor sharedTimer = new ScheduledThreadPoolExecutor(1);
        sharedTimer.setRemoveOnCancelPolicy(true);
        try {
            PendingReplies table = new PendingReplies(sharedTimer, workers);
            Recorder recorder = new Recorder();
            table.register("1", 60_000, recorder);
            assertThat(sharedTimer.getQueue()).hasSize(1);

            table.failAllNow(new IllegalStateException("stopping"));

            assertThat(recorder.outcomes).containsExactly("failure 1 stopping");
            assertThat(sharedTimer.getQueue()).isEmpty();
        } finally {
            sharedTimer.shutdownNow();
        }
    }

    @Test
    void aShorterTimeoutRegisteredAfterALongOneStillFiresOnTime() throws Exception {
        Recorder slow = new Recorder();
        Recorder quick = new Recorder();
        pending.register("slow", 60_000, slow);
        long registered = System.nanoTime();
        pending.register("quick", 50, quick);

        assertThat(quick.ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(quick.outcomes).containsExactly("timeout quick");
        assertThat(quick.endedAtNanos - registered).as("not before its timeout")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(slow.outcomes).isEmpty();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void timeoutsFallingDueOneAfterAnotherEachFireOnceAndNeverEarly() throws Exception {
        int requests = 300;
        List<Recorder> recorders = new java.util.ArrayList<>();
        List<Long> deadlines = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Recorder recorder = new Recorder();
            long timeout = 1 + i % 150;
            deadlines.add(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout));
            pending.register("k" + i, timeout, recorder);
            recorders.add(recorder);
        }
        for (int i = 0; i < requests; i++) {
            Recorder recorder = recorders.get(i);
            assertThat(recorder.ended.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(recorder.outcomes).containsExactly("timeout k" + i);
            assertThat(recorder.endedAtNanos - deadlines.get(i)).as("request %d not early", i).isNotNegative();
        }
        assertThat(pending.timeouts()).isEqualTo(requests);
        assertThat(pending.size()).isZero();
    }

    @Test
    void aRequestIsRefusedAndNotRegisteredOnceTheTimerIsShutDown() {
        pending.register("before", 60_000, new Recorder());
        timer.shutdown();
        assertThatThrownBy(() -> pending.register("after", 60_000, new Recorder()))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aReplySaysWhenItsRequestsTimeoutWouldHavePassed() {
        List<RequestOutcome> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        long before = System.nanoTime();
        pending.register("d", 10_000, seen::add);
        long after = System.nanoTime();
        pending.complete(new InboundMessage("t", "d", "r"));

        assertThat(seen).singleElement().satisfies(outcome -> assertThat(outcome.deadlineNanos())
                .isBetween(before + TimeUnit.SECONDS.toNanos(10), after + TimeUnit.SECONDS.toNanos(10)));
    }

    private static final class Recorder implements Consumer<RequestOutcome> {
        private final List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile long endedAtNanos;

        @Override
        public void accept(RequestOutcome outcome) {
            endedAtNanos = System.nanoTime();
            if (outcome.answered()) {
                outcomes.add("reply " + outcome.body());
            } else if (outcome.isTimeout()) {
                outcomes.add("timeout " + outcome.key());
            } else {
                outcomes.add("failure " + outcome.key() + " " + outcome.failure().getMessage());
            }
            ended.countDown();
        }
    }
}
