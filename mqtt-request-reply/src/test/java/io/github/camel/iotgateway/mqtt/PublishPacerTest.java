package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pace: no window of a second, wherever it starts, holds more than the cap; nothing early, nothing dropped. */
class PublishPacerTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** The way to the platform and back, for requests: delays their arrival and their answer. */
    private final ScheduledExecutorService network = Executors.newScheduledThreadPool(2);
    private final List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final LongSupplier clock = () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    private final List<long[]> released = Collections.synchronizedList(new ArrayList<>());
    private final List<GatewayException> failed = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        timer.shutdownNow();
        network.shutdownNow();
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
            public void release(long waitedMillis, PublishPacer.Slot slot) {
                released.add(new long[] { id, clock.getAsLong() });
            }

            @Override
            public void fail(GatewayException cause) {
                failed.add(cause);
            }
        };
    }

    /**
     * A request the platform answers: when released it "arrives" after {@code delayMillis} (the network's and the
     * broker's delay, stamped in {@link #arrivals}) and is answered 1 ms after that, unless {@code answered} is false.
     */
    private PublishPacer.Paced request(int id, long delayMillis, boolean answered) {
        return request(id, slot -> network.schedule(() -> {
            arrivals.add(new long[] { id, clock.getAsLong() });
            if (answered) {
                network.schedule(slot::answered, 1, TimeUnit.MILLISECONDS);
            }
        }, delayMillis, TimeUnit.MILLISECONDS));
    }

    /** A request that awaits its answer; {@code whenSent} is given its slot when it is released. */
    private PublishPacer.Paced request(int id, Consumer<PublishPacer.Slot> whenSent) {
        return new PublishPacer.Paced() {
            @Override
            public int bytes() {
                return 10;
            }

            @Override
            public long maxWaitMillis() {
                return 20_000;
            }

            @Override
            public boolean awaitsAnswer() {
                return true;
            }

            @Override
            public void release(long waitedMillis, PublishPacer.Slot slot) {
                released.add(new long[] { id, clock.getAsLong() });
                whenSent.accept(slot);
            }

            @Override
            public void fail(GatewayException cause) {
                failed.add(cause);
            }
        };
    }

    /** The most releases any window of {@code windowMillis} holds, wherever it starts. */
    private int mostInAnyWindow(long windowMillis) {
        return mostInAnyWindow(released, windowMillis);
    }

    private static int mostInAnyWindow(List<long[]> stamped, long windowMillis) {
        List<long[]> all = new ArrayList<>(stamped);
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

    /**
     * The jitter that throttled row 6 (docs/benchmarks.md): a burst that reaches the platform 200 ms late while the
     * next arrives on time. A pace that counts from its own sends (even with a margin of 100 ms) puts the next burst
     * into the late one's second; one that counts from the answers cannot, whatever the delay.
     */
    @Test
    void aLateArrivingBurstDoesNotBringTheNextIntoItsSecondBecauseSlotsFreeFromTheAnswers() {
        int cap = 10;
        PublishPacer pacer = new PublishPacer("gw", cap, 0, timer, clock);
        for (int i = 0; i < 3 * cap; i++) {
            pacer.submit(request(i, i < cap ? 200 : 0, true));
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> arrivals.size() == 3 * cap);

        assertThat(mostInAnyWindow(arrivals, 1000)).as("arrivals in any second").isEqualTo(cap);
        assertThat(released.get(cap)[1] - released.get(0)[1]).as("the 11th waits for the first's answer and a second")
                .isBetween(200 + PublishPacer.ANSWERED_WINDOW_MILLIS, 200 + PublishPacer.ANSWERED_WINDOW_MILLIS + 400);
        assertThat(failed).isEmpty();
    }

    @Test
    void answeredRequestsFreeTheirSlotsASecondAfterTheAnswerNotAfterTheMarginOfUnansweredMessages() {
        int cap = 5;
        PublishPacer pacer = new PublishPacer("gw", cap, 0, timer, clock);
        for (int i = 0; i < 2 * cap + 1; i++) {
            pacer.submit(request(i, 0, true));
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> released.size() == 2 * cap + 1);

        long began = released.get(0)[1];
        assertThat(released.get(2 * cap)[1] - began).as("two windows of a second after answers, not of 1.1 s")
                .isBetween(2 * PublishPacer.ANSWERED_WINDOW_MILLIS, 2 * PublishPacer.WINDOW_MILLIS - 50);
        assertThat(pacer.slotsHeld()).isLessThanOrEqualTo(cap);
    }

    @Test
    void aRequestWithoutAnAnswerHoldsOnlyItsOwnSlotUntilItEnds() {
        PublishPacer pacer = new PublishPacer("gw", 2, 0, timer, clock);
        pacer.submit(request(0, 0, false)); // its answer never comes
        for (int i = 1; i < 4; i++) {
            pacer.submit(request(i, 0, true));
        }
        assertThat(released).as("within the cap: at once").hasSize(2);

        await().atMost(5, TimeUnit.SECONDS).until(() -> released.size() == 4);

        long began = released.get(0)[1];
        assertThat(released.get(2)[1] - began).as("the third takes the answered one's slot, after a second")
                .isBetween(PublishPacer.ANSWERED_WINDOW_MILLIS, PublishPacer.ANSWERED_WINDOW_MILLIS + 400);
        assertThat(released.get(3)[1] - began).as("the fourth the third's: the unanswered one still holds its own")
                .isBetween(2 * PublishPacer.ANSWERED_WINDOW_MILLIS, 2 * PublishPacer.ANSWERED_WINDOW_MILLIS + 600);
        assertThat(pacer.slotsHeld()).as("the unanswered request and the fourth").isEqualTo(2);
    }

    @Test
    void aSlotThatWasNotSentFreesAtOnceAndEndingItTwiceChangesNothing() throws Exception {
        PublishPacer pacer = new PublishPacer("gw", 1, 0, timer, clock);
        List<PublishPacer.Slot> slots = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            pacer.submit(request(i, slots::add));
        }
        assertThat(released).hasSize(1);

        slots.get(0).notSent();
        slots.get(0).answered();

        await().atMost(1, TimeUnit.SECONDS).until(() -> released.size() == 2);
        Thread.sleep(50);
        assertThat(pacer.slotsHeld()).as("the second's slot, awaiting its answer").isEqualTo(1);
    }
}
