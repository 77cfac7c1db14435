package io.github.camel.iotgateway.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Sends requests from one thread with at most {@code window} unanswered at a time and times the whole run, from the
 * first send to the last answer. Bounded: what has not ended by the deadline counts as unfinished.
 */
final class Pipeline {

    private Pipeline() {
    }

    /**
     * @param seconds     first send to last answer (to the deadline when some never ended)
     * @param devicesDone sub-devices the answers reported as done
     * @param unfinished  requests not sent or not answered by the deadline
     */
    record Outcome(double seconds, long devicesDone, int unfinished) {
        double devicesPerSecond() {
            return devicesDone / seconds;
        }
    }

    /**
     * @param send starts request {@code i}; its future gives the number of sub-devices it got done (0 on failure)
     */
    static Outcome run(int requests, int window, IntFunction<CompletableFuture<Integer>> send, long boundMillis)
            throws InterruptedException {
        Semaphore permits = new Semaphore(window);
        CountDownLatch ended = new CountDownLatch(requests);
        AtomicLong devicesDone = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        long start = System.nanoTime();
        AtomicLong lastEnd = new AtomicLong(start);
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        for (int i = 0; i < requests; i++) {
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            CompletableFuture<Integer> request;
            try {
                request = send.apply(i);
            } catch (RuntimeException refused) {
                request = CompletableFuture.completedFuture(0);
            }
            request.whenComplete((done, failure) -> {
                if (failure == null && done != null) {
                    devicesDone.addAndGet(done);
                }
                lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                answered.incrementAndGet();
                permits.release();
                ended.countDown();
            });
        }
        boolean all = ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long end = all ? lastEnd.get() : System.nanoTime();
        return new Outcome((end - start) / 1e9, devicesDone.get(), requests - answered.get());
    }
}
