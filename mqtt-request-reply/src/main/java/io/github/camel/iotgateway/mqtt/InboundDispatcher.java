package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a gateway connection does with a received message. It is taken off Paho's callback thread at once; a
 * dispatcher thread decodes messages one by one, in the order they arrived; answers are completed on the worker pool
 * (their order does not matter), and notices go to their listeners on a lane of their own, in order, so a slow events
 * route never holds up answers.
 */
final class InboundDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    private final GatewayProtocol protocol;
    private final String name;
    private final List<Consumer<InboundMessage>> noticeListeners = new CopyOnWriteArrayList<>();
    /** See every notice but do not take it: a notice only they see is still counted as unclaimed. */
    private final List<Consumer<InboundMessage>> noticeObservers = new CopyOnWriteArrayList<>();
    private final LongAdder malformedMessages = new LongAdder();
    private final LongAdder unclaimedNotices = new LongAdder();
    private ExecutorService dispatcher;
    private ExecutorService noticeLane;
    private Executor workers;
    private PendingReplies pendingReplies;

    InboundDispatcher(GatewayProtocol protocol, String name) {
        this.protocol = protocol;
        this.name = name;
    }

    void start(ExecutorServiceManager executors, Object owner, Executor workers, PendingReplies pendingReplies) {
        this.workers = workers;
        this.pendingReplies = pendingReplies;
        dispatcher = executors.newSingleThreadExecutor(owner, "GatewayInbound[" + name + "]");
        noticeLane = executors.newSingleThreadExecutor(owner, "GatewayNotices[" + name + "]");
    }

    void stop(ExecutorServiceManager executors) {
        if (dispatcher != null) {
            executors.shutdownNow(dispatcher);
            executors.shutdownNow(noticeLane);
        }
    }

    /** Called on Paho's callback thread: returns at once. */
    void messageArrived(String topic, byte[] payload) {
        execute(dispatcher, () -> dispatch(topic, payload));
    }

    void addNoticeListener(Consumer<InboundMessage> listener) {
        noticeListeners.add(listener);
    }

    void removeNoticeListener(Consumer<InboundMessage> listener) {
        noticeListeners.remove(listener);
    }

    void addNoticeObserver(Consumer<InboundMessage> observer) {
        noticeObservers.add(observer);
    }

    long malformedMessages() {
        return malformedMessages.sum();
    }

    long unclaimedNotices() {
        return unclaimedNotices.sum();
    }

    private void dispatch(String topic, byte[] payload) {
        List<InboundMessage> messages;
        try {
            messages = protocol.decode(topic, payload);
        } catch (RuntimeException e) {
            malformedMessages.increment();
            LOG.debug("Gateway {} dropped a malformed message on {}: {}", name, topic, e.getMessage());
            return;
        }
        if (messages.isEmpty()) {
            malformedMessages.increment();
            LOG.debug("Gateway {} dropped a message on {} that carries nothing", name, topic);
            return;
        }
        for (InboundMessage message : messages) {
            if (message.correlationKey() != null) {
                execute(workers, () -> {
                    if (!pendingReplies.complete(message)) {
                        LOG.debug("Gateway {} dropped a reply nobody waits for: {} on {}", name,
                                message.correlationKey(), topic);
                    }
                });
            } else {
                if (noticeListeners.isEmpty()) {
                    unclaimedNotices.increment();
                }
                if (!noticeListeners.isEmpty() || !noticeObservers.isEmpty()) {
                    execute(noticeLane, () -> {
                        noticeObservers.forEach(observer -> observer.accept(message));
                        noticeListeners.forEach(listener -> listener.accept(message));
                    });
                }
            }
        }
    }

    private void execute(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Gateway {} is stopping; dropped a received message", name);
        }
    }
}
