package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a gateway connection does with a received message. The MQTT library's thread decodes it, which is quick and
 * neither blocks nor routes, and hands on what it carries: answers to the worker pool, where their exchanges continue
 * (their order does not matter), notices to their listeners on a lane of their own, in order, so a slow events route
 * never holds up answers. Decoding here rather than on a thread of ours saves an answer a hand-off between threads
 * (docs/benchmarks.md, row 1): Paho calls its listener for one client on one thread, in arrival order, so the notices
 * keep their order.
 * <p>
 * Both queues are bounded (the workers' {@code inboundQueueSize}, {@code noticeQueueSize}). The library's thread may
 * never block or do the routing itself, so a message that finds its queue full is dropped, counted and logged: a
 * dropped answer makes its request time out, a dropped notice is lost (the platform's resync brings child-device
 * changes back).
 */
final class InboundDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    private final GatewayProtocol protocol;
    private final String name;
    private final int noticeQueueSize;
    private final List<Consumer<InboundMessage>> noticeListeners = new CopyOnWriteArrayList<>();
    /** See every notice but do not take it: a notice only they see is still counted as unclaimed. */
    private final List<Consumer<InboundMessage>> noticeObservers = new CopyOnWriteArrayList<>();
    private final LongAdder malformedMessages = new LongAdder();
    private final LongAdder unclaimedNotices = new LongAdder();
    private final LongAdder droppedMessages = new LongAdder();
    private final LongAdder droppedNotices = new LongAdder();
    private final GatewayObserver observer;
    private volatile SerialLane noticeLane;
    private volatile Executor workers;
    private PendingReplies pendingReplies;

    InboundDispatcher(GatewayProtocol protocol, String name, int noticeQueueSize) {
        this(protocol, name, noticeQueueSize, new GatewayMetrics());
    }

    /** @param observer told of every malformed message and every notice handed to the listeners */
    InboundDispatcher(GatewayProtocol protocol, String name, int noticeQueueSize,
                      GatewayObserver observer) {
        this.observer = observer;
        this.protocol = protocol;
        this.name = name;
        this.noticeQueueSize = noticeQueueSize;
    }

    /** Completes answers on the shared workers, delivers notices on a lane of the shared notice pool. */
    void start(GatewayExecutors executors, PendingReplies pendingReplies) {
        this.pendingReplies = pendingReplies;
        noticeLane = new SerialLane("GatewayNotices[" + name + "]", executors.notices(), noticeQueueSize);
        this.workers = executors.workers();
    }

    /** What is still waiting to be delivered is dropped, and what arrives from now on: the connection is stopping. */
    void stop() {
        if (workers != null) {
            workers = null;
            noticeLane.shutdownNow();
            noticeLane = null;
        }
    }

    /**
     * Called on the MQTT library's thread: decodes the message and hands on what it carries, then returns; never
     * blocks and runs nothing of a route.
     */
    void messageArrived(String topic, byte[] payload) {
        Executor replyWorkers = workers;
        if (replyWorkers == null) {
            droppedMessages.increment();
            LOG.debug("Gateway {} dropped a message on {}: the connection is stopping", name, topic);
            return;
        }
        dispatch(topic, payload, replyWorkers);
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

    /** Answers dropped because the workers' queue was full, and messages that came while stopping. */
    long droppedMessages() {
        return droppedMessages.sum();
    }

    /** Notices dropped because the notice lane's queue was full. */
    long droppedNotices() {
        return droppedNotices.sum();
    }

    private void dispatch(String topic, byte[] payload, Executor replyWorkers) {
        List<InboundMessage> messages;
        try {
            messages = protocol.decode(topic, payload);
        } catch (RuntimeException e) {
            malformedMessages.increment();
            observer.malformedMessage();
            LOG.debug("Gateway {} dropped a malformed message on {}: {}", name, topic, e.getMessage());
            return;
        }
        if (messages.isEmpty()) {
            malformedMessages.increment();
            observer.malformedMessage();
            LOG.debug("Gateway {} dropped a message on {} that carries nothing", name, topic);
            return;
        }
        for (InboundMessage message : messages) {
            if (message.correlationKey() != null) {
                if (!offer(replyWorkers, () -> completeReply(message))) {
                    droppedMessages.increment();
                    LOG.warn("Gateway {} dropped reply {}: the reply workers' queue is full", name,
                            message.correlationKey());
                }
            } else {
                notice(message);
            }
        }
    }

    private void completeReply(InboundMessage message) {
        if (!pendingReplies.complete(message)) {
            LOG.debug("Gateway {} dropped a reply nobody waits for: {} on {}", name, message.correlationKey(),
                    message.topic());
        }
    }

    private void notice(InboundMessage message) {
        if (noticeListeners.isEmpty()) {
            unclaimedNotices.increment();
        }
        if (noticeListeners.isEmpty() && noticeObservers.isEmpty()) {
            return;
        }
        SerialLane lane = noticeLane;
        if (!offer(lane, () -> deliver(message))) {
            droppedNotices.increment();
            LOG.warn("Gateway {} dropped a notice on {}: {} notices are already waiting for the events route", name,
                    message.topic(), noticeQueueSize);
        }
    }

    private void deliver(InboundMessage message) {
        for (Consumer<InboundMessage> observer : noticeObservers) {
            runGuarded(observer, message);
        }
        if (!noticeListeners.isEmpty()) {
            // counted as it is handed over: what the route then does with it is the route's
            observer.noticeDelivered();
        }
        for (Consumer<InboundMessage> listener : noticeListeners) {
            runGuarded(listener, message);
        }
    }

    private void runGuarded(Consumer<InboundMessage> listener, InboundMessage message) {
        try {
            listener.accept(message);
        } catch (RuntimeException e) {
            // one failing listener must not take the lane's thread or the other listeners with it
            LOG.warn("Gateway {}: a notice listener failed on {}: {}", name, message.topic(), e.toString());
        }
    }

    private static boolean offer(Executor executor, Runnable task) {
        if (executor == null) {
            return false;
        }
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }
}
