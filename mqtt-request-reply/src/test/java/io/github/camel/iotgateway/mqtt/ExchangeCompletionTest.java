package io.github.camel.iotgateway.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ExchangeCompletionTest {

    private static DefaultCamelContext context;

    @BeforeAll
    static void startContext() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stopContext() {
        context.stop();
    }

    @Test
    void theExchangeEndsWhenItsLastPartEndsWithTheOutcomesInPartOrder() {
        Done done = new Done();
        List<List<RequestOutcome>> finished = new ArrayList<>();
        Exchange exchange = new DefaultExchange(context);
        ExchangeCompletion completion = new ExchangeCompletion(exchange, done, 3, (ex, outcomes) -> {
            finished.add(outcomes);
            ex.getMessage().setBody(outcomes.stream().map(o -> String.valueOf(o.body())).toList());
        });
        assertThat(completion.parts()).isEqualTo(3);

        assertThat(completion.partEnded(2, replied("c"))).isTrue();
        assertThat(completion.partEnded(0, replied("a"))).isTrue();
        assertThat(completion.isDone()).isFalse();
        assertThat(done.calls).hasValue(0);
        assertThat(finished).isEmpty();

        assertThat(completion.partEnded(1, replied("b"))).isTrue();
        assertThat(completion.isDone()).isTrue();
        assertThat(done.calls).hasValue(1);
        assertThat(done.doneSync).containsExactly(false);
        assertThat(finished).singleElement().satisfies(outcomes -> assertThat(outcomes)
                .extracting(RequestOutcome::body).containsExactly("a", "b", "c"));
        assertThat(exchange.getMessage().getBody()).isEqualTo(List.of("a", "b", "c"));
        assertThat(exchange.getException()).isNull();
    }

    @Test
    void aSecondEndingOfAPartIsIgnoredAndDoneRunsOnce() {
        Done done = new Done();
        AtomicInteger finishes = new AtomicInteger();
        ExchangeCompletion completion = ExchangeCompletion.single(new DefaultExchange(context), done,
                (ex, outcomes) -> {
                    finishes.incrementAndGet();
                    ex.getMessage().setBody(outcomes.get(0).body());
                });
        long secondEndingsBefore = ExchangeCompletion.secondEndings();

        assertThat(completion.partEnded(0, replied("first"))).isTrue();
        assertThat(completion.partEnded(0, RequestOutcome.timedOut("k", 100))).isFalse();
        assertThat(completion.partEnded(0, RequestOutcome.failed("k", new IllegalStateException()))).isFalse();

        assertThat(done.calls).hasValue(1);
        assertThat(finishes).hasValue(1);
        assertThat(completion.exchange().getMessage().getBody()).isEqualTo("first");
        assertThat(completion.exchange().getException()).isNull();
        assertThat(ExchangeCompletion.secondEndings() - secondEndingsBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void failRemainingFillsOnlyThePartsThatHaveNotEnded() {
        Done done = new Done();
        List<RequestOutcome> seen = new CopyOnWriteArrayList<>();
        ExchangeCompletion completion = new ExchangeCompletion(new DefaultExchange(context), done, 3,
                (ex, outcomes) -> seen.addAll(outcomes));
        completion.partEnded(1, replied("kept"));
        GatewayStoppedException stopped = new GatewayStoppedException("stopping");

        completion.failRemaining(stopped);
        completion.failRemaining(new IllegalStateException("too late"));

        assertThat(done.calls).hasValue(1);
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).failure()).isSameAs(stopped);
        assertThat(seen.get(1).answered()).isTrue();
        assertThat(seen.get(1).body()).isEqualTo("kept");
        assertThat(seen.get(2).failure()).isSameAs(stopped);
    }

    @Test
    void aFinisherThatThrowsFailsTheExchangeWithThatAndDoneStillRunsOnce() {
        Done done = new Done();
        IllegalStateException broken = new IllegalStateException("cannot write the outcome");
        Exchange exchange = new DefaultExchange(context);
        ExchangeCompletion completion = ExchangeCompletion.single(exchange, done, (ex, outcomes) -> {
            throw broken;
        });

        completion.partEnded(0, replied("x"));

        assertThat(exchange.getException()).isSameAs(broken);
        assertThat(done.calls).hasValue(1);
        assertThat(completion.partEnded(0, replied("again"))).isFalse();
        assertThat(done.calls).hasValue(1);
    }

    @Test
    void aFinisherThatThrowsALinkageErrorFailsTheExchangeToo() {
        Done done = new Done();
        Exchange exchange = new DefaultExchange(context);
        ExchangeCompletion completion = ExchangeCompletion.single(exchange, done, (ex, outcomes) -> {
            throw new NoClassDefFoundError("com/example/Missing");
        });

        completion.partEnded(0, replied("x"));

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(NoClassDefFoundError.class);
        assertThat(done.calls).hasValue(1);
    }

    @Test
    void doneNeverRunsOnALibraryThread() throws Exception {
        Done done = new Done();
        List<String> finisherThreads = new CopyOnWriteArrayList<>();
        ExchangeCompletion completion = ExchangeCompletion.single(new DefaultExchange(context), done,
                (ex, outcomes) -> finisherThreads.add(Thread.currentThread().getName()));

        Thread library = new Thread(() -> completion.partEnded(0, replied("on the library thread")), "MQTT Call: x");
        library.start();
        library.join(2_000);

        await().atMost(Duration.ofSeconds(2)).until(() -> done.calls.get() == 1);
        assertThat(done.threads).singleElement().asString().doesNotStartWith("MQTT");
        assertThat(finisherThreads).containsExactly("MQTT Call: x");
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> done.calls.get() == 1);
    }

    @Test
    void aSinglePartRacedByManyEndingsEndsOnceWithTheFirst() throws Exception {
        for (int round = 0; round < 200; round++) {
            Done done = new Done();
            List<Object> finished = new CopyOnWriteArrayList<>();
            ExchangeCompletion completion = ExchangeCompletion.single(new DefaultExchange(context), done,
                    (ex, outcomes) -> finished.add(outcomes.get(0).body()));
            List<Thread> racers = new ArrayList<>();
            AtomicInteger won = new AtomicInteger();
            for (int t = 0; t < 4; t++) {
                String body = "racer " + t;
                racers.add(new Thread(() -> {
                    if (completion.partEnded(0, replied(body))) {
                        won.incrementAndGet();
                    }
                    completion.failRemaining(new IllegalStateException("late"));
                }));
            }
            racers.forEach(Thread::start);
            for (Thread racer : racers) {
                racer.join(2_000);
            }
            assertThat(won).hasValue(1);
            assertThat(finished).singleElement().asString().startsWith("racer ");
            assertThat(done.calls).hasValue(1);
            assertThat(completion.isDone()).isTrue();
        }
    }

    @Test
    void aSubclassWritesTheExchangeOfItsOnePartItself() {
        Done done = new Done();
        Exchange exchange = new DefaultExchange(context);
        List<List<RequestOutcome>> finished = new ArrayList<>();
        ExchangeCompletion completion = new ExchangeCompletion(exchange, done) {
            @Override
            protected void finish(Exchange ended, List<RequestOutcome> outcomes) {
                finished.add(outcomes);
                ended.getMessage().setBody("written by the subclass");
            }
        };
        assertThat(completion.parts()).isEqualTo(1);

        assertThat(completion.partEnded(0, replied("x"))).isTrue();
        assertThat(completion.partEnded(0, replied("y"))).isFalse();
        completion.failRemaining(new IllegalStateException("nothing remains"));

        assertThat(finished).singleElement().satisfies(o -> assertThat(o).extracting(RequestOutcome::body)
                .containsExactly("x"));
        assertThat(exchange.getMessage().getBody()).isEqualTo("written by the subclass");
        assertThat(done.calls).hasValue(1);
        assertThatThrownBy(() -> completion.partEnded(1, replied("z"))).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anExchangeIsCarriedByAtLeastOnePart() {
        assertThatThrownBy(() -> new ExchangeCompletion(new DefaultExchange(context), new Done(), 0, (ex, o) -> {
        })).isInstanceOf(IllegalArgumentException.class);
    }

    private static RequestOutcome replied(String body) {
        return RequestOutcome.replied(new InboundMessage("t", "k-" + body, body));
    }

    /** Counts its calls and the threads they came on. */
    static final class Done implements AsyncCallback {
        final AtomicInteger calls = new AtomicInteger();
        final List<Boolean> doneSync = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void done(boolean sync) {
            threads.add(Thread.currentThread().getName());
            doneSync.add(sync);
            calls.incrementAndGet();
        }
    }
}
