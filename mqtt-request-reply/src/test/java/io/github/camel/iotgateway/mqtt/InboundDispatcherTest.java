package io.github.camel.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camel.iotgateway.mqtt.client.MqttClientListener;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link InboundDispatcher} on its own: messages come in on the scripted library thread, replies are completed on the
 * workers, notices on their own lane, in order.
 */
class InboundDispatcherTest {

    private static final String TOPIC = "gw/in";

    private DefaultCamelContext context;
    private ScheduledExecutorService timer;
    private GatewayExecutors executors;
    private PendingReplies pendingReplies;
    private InboundDispatcher dispatcher;
    private ScriptedMqttClient library;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
        timer = Executors.newSingleThreadScheduledExecutor();
        executors = GatewayExecutors.start(context, this, "d-1", 2, 1, 100);
        pendingReplies = new PendingReplies(timer, executors.workers());
        library = (ScriptedMqttClient) new ScriptedMqttClient.Factory()
                .create(new MqttClientSettings("tcp://127.0.0.1:1883", null, 60, 2, 10), "d-1");
    }

    private void startDispatcher(int noticeQueueSize) {
        dispatcher = new InboundDispatcher(new NoticeOrReplyProtocol(), "d-1", noticeQueueSize);
        dispatcher.start(executors, pendingReplies);
        library.setListener(new MqttClientListener() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, byte[] payload) {
                dispatcher.messageArrived(topic, payload);
            }
        });
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
        library.close();
        timer.shutdownNow();
        executors.stop();
        context.stop();
    }

    @Test
    void noticesArriveInOrderOnTheirLaneWhileRepliesCompleteDespiteASlowListener() throws Exception {
        startDispatcher(100);
        List<String> notices = new CopyOnWriteArrayList<>();
        List<String> noticeThreads = new CopyOnWriteArrayList<>();
        dispatcher.addNoticeListener(message -> {
            noticeThreads.add(Thread.currentThread().getName());
            sleep(100);
            notices.add((String) message.body());
        });
        List<String> replyThreads = new CopyOnWriteArrayList<>();
        List<String> replyBodies = new CopyOnWriteArrayList<>();
        CountDownLatch replies = new CountDownLatch(5);
        for (int i = 1; i <= 5; i++) {
            pendingReplies.register("r" + i, 10_000, outcome -> {
                replyBodies.add(String.valueOf(outcome.body()));
                replyThreads.add(Thread.currentThread().getName());
                replies.countDown();
            });
        }

        // n1 r1 n2 r2 ...: every reply arrives behind a notice that takes 100 ms
        for (int i = 1; i <= 5; i++) {
            library.deliverNow(TOPIC, "notice:n" + i);
            library.deliverNow(TOPIC, "reply:r" + i);
        }

        assertThat(replies.await(2, TimeUnit.SECONDS)).as("all replies completed").isTrue();
        int noticesWhenRepliesDone = notices.size();
        assertThat(noticesWhenRepliesDone).as("replies did not wait for the slow notices").isLessThan(5);
        assertThat(replyBodies).containsExactlyInAnyOrder("reply:r1", "reply:r2", "reply:r3", "reply:r4", "reply:r5");
        assertThat(replyThreads).hasSize(5).allMatch(name -> name.contains("GatewayReplies[d-1]"));

        await().atMost(Duration.ofSeconds(3)).until(() -> notices.size() == 5);
        assertThat(notices).containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(noticeThreads).hasSize(5)
                .noneMatch(name -> name.startsWith("MQTT"))
                .allMatch(name -> name.contains("GatewayNotices[d-1]"));
        assertThat(dispatcher.droppedNotices()).isZero();
        assertThat(dispatcher.droppedMessages()).isZero();
        assertThat(pendingReplies.repliesMatched()).isEqualTo(5);
    }

    @Test
    void aFullNoticeQueueDropsAndCountsWithoutRunningOnTheLibraryThread() throws Exception {
        startDispatcher(3);
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        List<String> notices = new CopyOnWriteArrayList<>();
        List<String> noticeThreads = new CopyOnWriteArrayList<>();
        dispatcher.addNoticeListener(message -> {
            noticeThreads.add(Thread.currentThread().getName());
            listening.countDown();
            try {
                letGo.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            notices.add((String) message.body());
        });
        try {
            library.deliverNow(TOPIC, "notice:n0");
            assertThat(listening.await(2, TimeUnit.SECONDS)).isTrue();

            // the listener is stuck on n0: three notices fit the lane's queue, the other seven are dropped
            List<Future<?>> deliveries = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                deliveries.add(library.deliver(TOPIC, "notice:n" + i));
            }
            for (Future<?> delivery : deliveries) {
                delivery.get(2, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> dispatcher.droppedNotices() == 7);
            assertThat(library.longestMessageArrivedMillis()).as("the library thread never waits").isLessThan(200);
        } finally {
            letGo.countDown();
        }

        await().atMost(Duration.ofSeconds(2)).until(() -> notices.size() == 4);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> notices.size() == 4);
        assertThat(notices).containsExactly("n0", "n1", "n2", "n3");
        assertThat(dispatcher.droppedNotices()).isEqualTo(7);
        assertThat(dispatcher.droppedMessages()).as("decoding kept up; only notices were dropped").isZero();
        assertThat(noticeThreads).noneMatch(name -> name.startsWith("MQTT"));
    }

    @Test
    void malformedAndUnclaimedMessagesAreCountedAndTheLaneGoesOn() throws Exception {
        startDispatcher(100);
        library.deliverNow(TOPIC, "garbage");
        library.deliverNow(TOPIC, "notice:nobody listens");
        await().atMost(Duration.ofSeconds(2)).until(() -> dispatcher.unclaimedNotices() == 1);
        assertThat(dispatcher.malformedMessages()).isEqualTo(1);

        List<String> notices = new CopyOnWriteArrayList<>();
        dispatcher.addNoticeListener(message -> notices.add((String) message.body()));
        library.deliverNow(TOPIC, "also garbage");
        library.deliverNow(TOPIC, "notice:heard");
        await().atMost(Duration.ofSeconds(2)).until(() -> notices.size() == 1);
        assertThat(notices).containsExactly("heard");
        assertThat(dispatcher.malformedMessages()).isEqualTo(2);
        assertThat(dispatcher.unclaimedNotices()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code reply:<key>} answers {@code key}; {@code notice:<body>} is a notice; anything else is malformed. */
    private static final class NoticeOrReplyProtocol implements GatewayProtocol {
        @Override
        public List<String> subscriptions() {
            return List.of(TOPIC);
        }

        @Override
        public int subscriptionQos() {
            return 1;
        }

        @Override
        public List<InboundMessage> decode(String topic, byte[] payload) {
            String text = new String(payload, StandardCharsets.UTF_8);
            if (text.startsWith("reply:")) {
                return List.of(new InboundMessage(topic, text.substring("reply:".length()), text));
            }
            if (text.startsWith("notice:")) {
                return List.of(new InboundMessage(topic, null, text.substring("notice:".length())));
            }
            throw new IllegalArgumentException("malformed: " + text);
        }
    }
}
