package io.github.camel.iotgateway.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SingleRequestBatcherTest {

    private DefaultCamelContext context;
    private SingleRequestBatcher<String> batcher;
    /** Every batch handed to the sender, with the timeout it was handed with. */
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile RuntimeException senderFailure;

    record Sent(List<String> requests, long timeoutMillis, long atNanos) {
    }

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopAll() {
        if (batcher != null) {
            batcher.stop();
        }
        context.stop();
    }

    /** A sender that answers each item at once with its request as the reply body, unless told to throw. */
    private void startBatcher(int batchSize, long batchTimeoutMillis) {
        startBatcher(batchSize, batchTimeoutMillis, null);
    }

    /** Requests on the wire, as the gateway's connection counts them, for the batcher that is given this count. */
    private final java.util.concurrent.atomic.AtomicInteger onTheWire = new java.util.concurrent.atomic.AtomicInteger();

    private void startBatcher(int batchSize, long batchTimeoutMillis, java.util.function.BooleanSupplier wire) {
        batcher = new SingleRequestBatcher<>(context, "test", batchSize, batchTimeoutMillis, () -> null, wire,
                (batch, timeoutMillis) -> {
                    RuntimeException failure = senderFailure;
                    if (failure != null) {
                        throw failure;
                    }
                    sent.add(new Sent(batch.stream().map(BatchItem::request).toList(), timeoutMillis,
                            System.nanoTime()));
                    for (BatchItem<String> item : batch) {
                        item.completion().partEnded(0,
                                RequestOutcome.replied(new InboundMessage("t", item.request(), "ok " + item.request())));
                    }
                });
        batcher.start();
    }

    @Test
    void fullBatchesAreSentAtOnce() {
        startBatcher(3, 10_000);
        List<Item> items = items(7, 1_000);
        items.forEach(item -> batcher.offer(item.batchItem));

        assertThat(sent).extracting(Sent::requests)
                .containsExactly(List.of("r0", "r1", "r2"), List.of("r3", "r4", "r5"));
        for (int i = 0; i < 6; i++) {
            items.get(i).assertEndedOnceWithBody("ok r" + i);
        }
        assertThat(items.get(6).done.calls).as("still in the open batch").hasValue(0);
    }

    @Test
    void anItemThatFindsTheWireQuietGoesAtOnceDespiteALongBatchTimeout() {
        startBatcher(50, 10_000, () -> onTheWire.get() == 0);
        Item lone = items(1, 1_000).get(0);

        batcher.offer(lone.batchItem);

        assertThat(sent).extracting(Sent::requests).containsExactly(List.of("r0"));
        lone.assertEndedOnceWithBody("ok r0");
    }

    @Test
    void itemsThatArriveWhileRequestsAreOnTheWireGatherUntilItGoesQuiet() {
        startBatcher(50, 10_000, () -> onTheWire.get() == 0);
        onTheWire.set(1);
        List<Item> items = items(5, 1_000);
        items.forEach(item -> batcher.offer(item.batchItem));
        assertThat(sent).as("the wire is busy: they wait for it").isEmpty();

        batcher.wireIdle();
        assertThat(sent).as("still busy: wireIdle is a no-op").isEmpty();
        onTheWire.set(0);
        batcher.wireIdle();

        assertThat(sent).extracting(Sent::requests).containsExactly(List.of("r0", "r1", "r2", "r3", "r4"));
        items.forEach(item -> item.assertEndedOnceWithBody("ok " + item.batchItem.request()));
    }

    @Test
    void onABusyWireTheBatchStillGoesWhenFullOrAfterBatchTimeout() {
        startBatcher(3, 200, () -> onTheWire.get() == 0);
        onTheWire.set(7);
        List<Item> items = items(4, 1_000);
        items.forEach(item -> batcher.offer(item.batchItem));
        assertThat(sent).extracting(Sent::requests).containsExactly(List.of("r0", "r1", "r2"));

        await().atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 2);
        assertThat(sent.get(1).requests()).containsExactly("r3");
    }

    @Test
    void aQuietBatchTimeoutSendsAPartialBatch() {
        startBatcher(10, 200);
        List<Item> items = items(2, 1_000);
        long offeredAt = System.nanoTime();
        items.forEach(item -> batcher.offer(item.batchItem));
        assertThat(sent).isEmpty();

        await().atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).requests()).containsExactly("r0", "r1");
        assertThat(Duration.ofNanos(sent.get(0).atNanos() - offeredAt)).as("waited out the batch timeout")
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        items.forEach(item -> item.assertEndedOnceWithBody("ok " + item.batchItem.request()));
    }

    @Test
    void flushSendsTheOpenBatchAtOnce() {
        startBatcher(10, 10_000);
        List<Item> items = items(3, 1_000);
        items.forEach(item -> batcher.offer(item.batchItem));
        assertThat(sent).isEmpty();

        batcher.flush();

        await().atMost(Duration.ofMillis(500)).until(() -> sent.size() == 1);
        assertThat(sent.get(0).requests()).containsExactly("r0", "r1", "r2");
        items.forEach(item -> item.assertEndedOnceWithBody("ok " + item.batchItem.request()));
    }

    @Test
    void stopEndsEveryItemOfAnOpenBatchOnceWithStoppedAndSendsNothing() {
        startBatcher(10, 300);
        List<Item> items = items(4, 1_000);
        items.forEach(item -> batcher.offer(item.batchItem));

        batcher.stop();

        assertThat(sent).isEmpty();
        items.forEach(item -> item.assertFailedOnceWith(GatewayStoppedException.class));
        // the batch timeout passing after stop changes nothing
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1))
                .until(() -> sent.isEmpty() && items.stream().allMatch(i -> i.done.calls.get() == 1));
    }

    @Test
    void aSenderThatThrowsFailsEveryItemOfItsBatchWithThatException() {
        startBatcher(3, 10_000);
        IllegalStateException refused = new IllegalStateException("publish refused");
        senderFailure = refused;
        List<Item> items = items(3, 1_000);
        items.forEach(item -> batcher.offer(item.batchItem));

        for (Item item : items) {
            assertThat(item.done.calls).hasValue(1);
            assertThat(item.exchange.getException()).isSameAs(refused);
        }
    }

    @Test
    void itemsWithDifferentTimeoutsNeverShareABatch() {
        startBatcher(2, 10_000);
        List<Item> items = new ArrayList<>();
        items.add(new Item("a1", 1_000));
        items.add(new Item("b1", 2_000));
        items.add(new Item("a2", 1_000));
        items.add(new Item("b2", 2_000));
        items.forEach(item -> batcher.offer(item.batchItem));

        assertThat(sent).hasSize(2);
        assertThat(sent).anySatisfy(s -> {
            assertThat(s.requests()).containsExactly("a1", "a2");
            assertThat(s.timeoutMillis()).isEqualTo(1_000);
        });
        assertThat(sent).anySatisfy(s -> {
            assertThat(s.requests()).containsExactly("b1", "b2");
            assertThat(s.timeoutMillis()).isEqualTo(2_000);
        });
        items.forEach(item -> item.assertEndedOnceWithBody("ok " + item.batchItem.request()));
    }

    @Test
    void anItemOfferedAfterStopFails() {
        startBatcher(2, 10_000);
        batcher.stop();
        Item late = new Item("late", 1_000);

        batcher.offer(late.batchItem);

        late.assertFailedOnceWith(GatewayStoppedException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new SingleRequestBatcher<String>(context, "x", 0, 100, null, (b, t) -> {
        })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SingleRequestBatcher<String>(context, "x", 1, 0, null, (b, t) -> {
        })).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Item> items(int count, long timeoutMillis) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new Item("r" + i, timeoutMillis));
        }
        return items;
    }

    /** One caller's exchange, its completion and the item that carries it into a batch. */
    private final class Item {
        final Exchange exchange = new DefaultExchange(context);
        final ExchangeCompletionTest.Done done = new ExchangeCompletionTest.Done();
        final BatchItem<String> batchItem;

        Item(String request, long timeoutMillis) {
            ExchangeCompletion completion = ExchangeCompletion.single(exchange, done, (ex, outcomes) -> {
                RequestOutcome outcome = outcomes.get(0);
                if (outcome.failure() != null) {
                    ex.setException(outcome.failure());
                } else {
                    ex.getMessage().setBody(outcome.body());
                }
            });
            batchItem = new BatchItem<>(request, completion, timeoutMillis);
        }

        void assertEndedOnceWithBody(String body) {
            assertThat(done.calls).as("callback calls of " + batchItem.request()).hasValue(1);
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody()).isEqualTo(body);
        }

        void assertFailedOnceWith(Class<? extends Exception> type) {
            assertThat(done.calls).as("callback calls of " + batchItem.request()).hasValue(1);
            assertThat(exchange.getException()).isExactlyInstanceOf(type);
        }
    }
}
