package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pace: no window of a second, wherever it starts, holds more than the cap; nothing early, nothing dropped. */
class PublishPacerTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LongSupplier clock = () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    private final List<long[]> released = Collections.synchronizedList(new ArrayList<>());
    private final List<GatewayException> failed = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private PublishPacer.Paced publish(int id, int bytes, long maxWait) {
        return new PublishPacer.Paced() {
            @Override
            public int bytes() {
                return bytes;
            }

            @Override
            public long maxWaitMillis() {
                return maxWait;
            }

            @Override
            public void release(long waitedMillis) {
                released.add(new long[] { id, clock.getAsLong() });
            }

            @Override
            public void fail(GatewayException cause) {
                failed.add(cause);
            }
        };
    }

    /** The most releases any window of {@code windowMillis} holds, wherever it starts. */
    private int mostInAnyWindow(long windowMillis) {
        List<long[]> all = new ArrayList<>(released);
        int most = 0;
        for (int i = 0; i < all.size(); i++) {
            int inWindow = 0;
            for (long[] other : all) {
                if (other[1] >= all.get(i)[1] && other[1] - all.get(i)[1] < windowMillis) {
                    inWindow++;
                }
            }
            most = Math.max(most, inWindow);
        }
        return most;
    }

    @Test
    void publishesOverTheMessageCapWaitInOrderAndNoSecondHoldsMoreThanTheCap() {
        PublishPacer pacer = new PublishPacer("gw", 5, 0, timer, clock);
        long began = clock.getAsLong();
        for (int i = 0; i < 12; i++) {
            pacer.submit(publish(i, 10, 10_000));
        }
        assertThat(released).as("within the cap: at once").hasSize(5);

        await().atMost(5, TimeUnit.SECONDS).until(() -> released.size() == 12);

        assertThat(released.stream().mapToLong(r -> r[0]).toArray()).as("in order")
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(mostInAnyWindow(1000)).isEqualTo(5);
        assertThat(released.get(11)[1] - began).as("two windows of waiting, not more")
                .isBetween(2 * PublishPacer.WINDOW_MILLIS, 2 * PublishPacer.WINDOW_MILLIS + 500);
        assertThat(failed).isEmpty();
        assertThat(pacer.pacedPublishes()).isEqualTo(7);
    }

    @Test
    void publishesOverTheByteCapWaitUntilTheirBytesFitInTheWindow() {
        PublishPacer pacer = new PublishPacer("gw", 0, 100, timer, clock);
        for (int i = 0; i < 5; i++) {
            pacer.submit(publish(i, 40, 10_000));
        }
        assertThat(released).as("80 of 100 bytes at once").hasSize(2);

        await().atMost(5, TimeUnit.SECONDS).until(() -> released.size() == 5);

        assertThat(mostInAnyWindow(1000)).as("at most 100 bytes, 2 of 40, in any second").isEqualTo(2);
    }

    @Test
    void aPublishThatWouldWaitPastItsTimeoutFailsAtOnceUnpublished() {
        PublishPacer pacer = new PublishPacer("gw", 1, 0, timer, clock);
        pacer.submit(publish(0, 10, 10_000));
        pacer.submit(publish(1, 10, 500));

        assertThat(released).hasSize(1);
        assertThat(failed).singleElement().isInstanceOf(GatewayPaceExceededException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("1 messages a second").contains("500 ms"));
    }

    @Test
    void whatWaitsFailsWhenTheConnectionGoesAndNothingOfItIsPublished() throws Exception {
        PublishPacer pacer = new PublishPacer("gw", 1, 0, timer, clock);
        for (int i = 0; i < 4; i++) {
            pacer.submit(publish(i, 10, 10_000));
        }
        pacer.failWaiting(new GatewayStoppedException("stopping"));
        Thread.sleep(1500);

        assertThat(released).hasSize(1);
        assertThat(failed).hasSize(3).allMatch(GatewayStoppedException.class::isInstance);
        assertThat(pacer.waitingCount()).isZero();
    }
}
