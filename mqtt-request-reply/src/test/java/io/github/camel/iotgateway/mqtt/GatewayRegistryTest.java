package io.github.camel.iotgateway.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** A deadlock in the registry fails the test (timeout) instead of hanging the build. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GatewayRegistryTest {

    private static final String SCHEME = "test-gw";
    private static final String KEY = GatewayRegistry.key("tcp://b:1883", "gw-1");

    private final GatewayRegistry<TestService> registry = new GatewayRegistry<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "registry-test");
        thread.setDaemon(true);
        return thread;
    });
    /** Starts and stops of every service, in the order they happened. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void stopAll() {
        registry.stopAll();
        threads.shutdownNow();
    }

    private static SharedGatewayOptions options(String secret, int batchSize) {
        return new SharedGatewayOptions(SCHEME, SCHEME + ":gw-1?gatewayDeviceSecret=" + secret + "&batchSize=" + batchSize,
                Set.of("gatewayDeviceSecret"))
                .with("gatewayDeviceSecret", secret)
                .with("batchSize", batchSize);
    }

    private Callable<TestService> factory(String name, AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return new TestService(name, events);
        };
    }

    @Test
    void twoAcquiresShareOneStartedServiceAndTheLastReleaseStopsIt() throws Exception {
        AtomicInteger made = new AtomicInteger();
        TestService first = registry.acquire(KEY, options("s", 10), factory("one", made));
        TestService second = registry.acquire(KEY, options("s", 10), factory("two", made));

        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
        assertThat(first.isStarted()).isTrue();
        assertThat(first.starts).hasValue(1);
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.services()).containsExactly(first);

        registry.release(first);
        assertThat(first.isStarted()).as("one user is left").isTrue();
        assertThat(first.stops).hasValue(0);

        registry.release(second);
        assertThat(first.isStopped()).isTrue();
        assertThat(first.stops).hasValue(1);
        assertThat(registry.size()).isZero();
    }

    @Test
    void anEndpointThatDisagreesOnAGatewayWideOptionFailsNamingItAndBothValues() throws Exception {
        AtomicInteger made = new AtomicInteger();
        TestService service = registry.acquire(KEY, options("s", 10), factory("one", made));

        Throwable thrown = catchThrowable(() -> registry.acquire(KEY, options("s", 20), factory("two", made)));

        assertThat(thrown).isInstanceOf(InvalidGatewayOptionException.class);
        assertThat(thrown.getMessage()).contains("batchSize", "20", "10", "camel.component." + SCHEME + ".batchSize",
                KEY);
        assertThat(made).hasValue(1);
        // the refused endpoint did not become a user: the one real user's release stops the gateway
        registry.release(service);
        assertThat(service.isStopped()).isTrue();
        assertThat(registry.size()).isZero();
    }

    @Test
    void aDisagreementOnASecretNeverShowsTheSecret() throws Exception {
        AtomicInteger made = new AtomicInteger();
        registry.acquire(KEY, options("s3cr3t-A", 10), factory("one", made));

        Throwable thrown = catchThrowable(() -> registry.acquire(KEY, options("s3cr3t-B", 10), factory("two", made)));

        assertThat(thrown).isInstanceOf(InvalidGatewayOptionException.class);
        assertThat(thrown.getMessage())
                .contains("gatewayDeviceSecret", "not shown", "camel.component." + SCHEME + ".gatewayDeviceSecret")
                .doesNotContain("s3cr3t-A")
                .doesNotContain("s3cr3t-B");
    }

    @Test
    void gatewaysOfDifferentKeysStartInParallel() throws Exception {
        CountDownLatch letFirstStart = new CountDownLatch(1);
        CountDownLatch letSecondStart = new CountDownLatch(1);
        TestService firstService = new TestService("first", events).holdStart(letFirstStart);
        TestService secondService = new TestService("second", events).holdStart(letSecondStart);
        try {
            Future<TestService> first = threads.submit(
                    () -> registry.acquire(GatewayRegistry.key("tcp://b:1883", "gw-1"), options("s", 1),
                            () -> firstService));
            assertThat(firstService.startEntered.await(2, TimeUnit.SECONDS)).isTrue();

            Future<TestService> second = threads.submit(
                    () -> registry.acquire(GatewayRegistry.key("tcp://b:1883", "gw-2"), options("s", 1),
                            () -> secondService));
            assertThat(secondService.startEntered.await(2, TimeUnit.SECONDS))
                    .as("the second gateway starts while the first is still starting").isTrue();
            assertThat(first).isNotDone();

            letSecondStart.countDown();
            assertThat(second.get(2, TimeUnit.SECONDS)).isSameAs(secondService);
            assertThat(first).as("the first is still in its start").isNotDone();
            letFirstStart.countDown();
            assertThat(first.get(2, TimeUnit.SECONDS)).isSameAs(firstService);
        } finally {
            letFirstStart.countDown();
            letSecondStart.countDown();
        }
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void aFailedStartRemovesTheGatewaySoTheNextAcquireTriesAgain() throws Exception {
        AtomicInteger made = new AtomicInteger();
        GatewayAuthenticationException refused = new GatewayAuthenticationException("refused", 5, null);

        Throwable thrown = catchThrowable(() -> registry.acquire(KEY, options("s", 10), () -> {
            made.incrementAndGet();
            return new TestService("failing", events).failStartWith(refused);
        }));

        assertThat(causes(thrown)).contains(refused);
        assertThat(registry.size()).isZero();
        assertThat(registry.services()).isEmpty();

        TestService next = registry.acquire(KEY, options("s", 10), factory("next", made));
        assertThat(made).hasValue(2);
        assertThat(next.isStarted()).isTrue();
        assertThat(registry.services()).containsExactly(next);
    }

    @Test
    void aGatewayStartedAgainWhileItsPreviousServiceStopsWaitsForThatStop() throws Exception {
        CountDownLatch letStop = new CountDownLatch(1);
        TestService old = new TestService("old", events).holdStop(letStop);
        registry.acquire(KEY, options("s", 10), () -> old);
        AtomicInteger made = new AtomicInteger();
        try {
            Future<?> releasing = threads.submit(() -> registry.release(old));
            assertThat(old.stopEntered.await(2, TimeUnit.SECONDS)).isTrue();

            Future<TestService> again = threads.submit(() -> registry.acquire(KEY, options("s", 10),
                    factory("new", made)));
            // while the old one still stops, the new one is not even made
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> made.get() == 0 && !again.isDone());

            letStop.countDown();
            TestService fresh = again.get(2, TimeUnit.SECONDS);
            releasing.get(2, TimeUnit.SECONDS);
            assertThat(fresh).isNotSameAs(old);
            assertThat(fresh.isStarted()).isTrue();
            assertThat(old.isStopped()).isTrue();
        } finally {
            letStop.countDown();
        }
        assertThat(events).containsSubsequence("old stopped", "new start begins");
        assertThat(events.indexOf("old stopped")).isLessThan(events.indexOf("new start begins"));
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new CopyOnWriteArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** A gateway service whose start and stop can be held or failed. */
    static final class TestService extends ServiceSupport {
        final String name;
        final List<String> events;
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final CountDownLatch startEntered = new CountDownLatch(1);
        final CountDownLatch stopEntered = new CountDownLatch(1);
        private CountDownLatch startHold;
        private CountDownLatch stopHold;
        private Exception startFailure;

        TestService(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        TestService holdStart(CountDownLatch hold) {
            startHold = hold;
            return this;
        }

        TestService holdStop(CountDownLatch hold) {
            stopHold = hold;
            return this;
        }

        TestService failStartWith(Exception failure) {
            startFailure = failure;
            return this;
        }

        @Override
        protected void doStart() throws Exception {
            events.add(name + " start begins");
            startEntered.countDown();
            if (startHold != null && !startHold.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start of " + name + " never let go");
            }
            if (startFailure != null) {
                throw startFailure;
            }
            starts.incrementAndGet();
            events.add(name + " started");
        }

        @Override
        protected void doStop() throws Exception {
            events.add(name + " stop begins");
            stopEntered.countDown();
            if (stopHold != null && !stopHold.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("stop of " + name + " never let go");
            }
            stops.incrementAndGet();
            events.add(name + " stopped");
        }
    }
}
