package io.github.camel.iotgateway.mqtt;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads a component's gateways share, so that a gateway costs no thread of ours (Paho still keeps its own per
 * client): a fleet of a thousand gateways runs on this fixed set. Each connection keeps its order on {@link SerialLane}s
 * over these pools.
 * <ul>
 * <li>{@code workers}: replies completed, where routes continue ({@code replyThreads});</li>
 * <li>{@code notices}: notices delivered to the events routes, one connection's in order ({@code replyThreads}: a
 * slow events route of one gateway holds one of them, not the replies);</li>
 * <li>{@code control}: connection events, reconnects and listener calls; its size bounds how many gateways
 * connect at once ({@code maxParallelConnects});</li>
 * <li>{@code timer}: request timeouts, batch completions, the pace, reconnect back-off (one thread, no limit on
 * scheduled tasks).</li>
 * </ul>
 * With them the turns of the component's gateways to reconnect ({@link ReconnectPace}, {@code maxReconnectsPerSecond}),
 * so that a fleet comes back from a broker restart spread out, instead of a herd.
 * Started by the component before its first gateway connects, stopped after its last gateway stopped; a connection
 * made without a component makes a set of its own.
 */
public final class GatewayExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayExecutors.class);
    /** The components' default of {@code maxReconnectsPerSecond}: a thousand gateways back in about ten seconds. */
    public static final int DEFAULT_RECONNECTS_PER_SECOND = 100;

    private final CamelContext camelContext;
    private final ExecutorService workers;
    private final ExecutorService notices;
    private final ExecutorService control;
    private final ScheduledExecutorService timer;
    private final ReconnectPace reconnectPace;
    private final StartupConnects startupConnects;
    private volatile boolean stopped;

    private GatewayExecutors(CamelContext camelContext, ExecutorService workers, ExecutorService notices,
                             ExecutorService control, ScheduledExecutorService timer,
                             ReconnectPace reconnectPace, StartupConnects startupConnects) {
        this.camelContext = camelContext;
        this.reconnectPace = reconnectPace;
        this.startupConnects = startupConnects;
        this.workers = workers;
        this.notices = notices;
        this.control = control;
        this.timer = timer;
    }

    /**
     * @param name               names the threads, e.g. the component's scheme
     * @param replyThreads       threads completing replies and delivering notices
     * @param controlThreads     threads running connection events: at most this many connects at once
     * @param workerQueueSize    tasks the workers queue before they refuse (and a reply is dropped, counted, logged)
     */
    public static GatewayExecutors start(CamelContext camelContext, Object owner, String name, int replyThreads,
                                         int controlThreads, int workerQueueSize) {
        return start(camelContext, owner, name, replyThreads, controlThreads, DEFAULT_RECONNECTS_PER_SECOND,
                workerQueueSize);
    }

    /** @param reconnectsPerSecond gateways that may begin a reconnect within a second; 0 for no limit */
    public static GatewayExecutors start(CamelContext camelContext, Object owner, String name, int replyThreads,
                                         int controlThreads, int reconnectsPerSecond, int workerQueueSize) {
        return start(camelContext, owner, name, replyThreads, controlThreads, reconnectsPerSecond, workerQueueSize,
                null);
    }

    /** @param startupConnects connects the component's gateways in parallel while the context starts; may be null */
    static GatewayExecutors start(CamelContext camelContext, Object owner, String name, int replyThreads,
                                  int controlThreads, int reconnectsPerSecond, int workerQueueSize,
                                  StartupConnects startupConnects) {
        if (reconnectsPerSecond < 0) {
            throw new InvalidGatewayOptionException("maxReconnectsPerSecond must be 0 (no limit) or more but was "
                                                    + reconnectsPerSecond);
        }
        if (replyThreads < 1 || controlThreads < 1) {
            throw new InvalidGatewayOptionException("replyThreads and maxParallelConnects must be at least 1 but were "
                                                    + replyThreads + " and " + controlThreads);
        }
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        ExecutorService workers = GatewayPools.fixed(executors, owner, "GatewayReplies[" + name + "]", replyThreads,
                workerQueueSize);
        // each connection queues at most one drain of each of its lanes in these: no bound is needed, none may refuse
        ExecutorService notices = GatewayPools.fixed(executors, owner, "GatewayNotices[" + name + "]", replyThreads,
                Integer.MAX_VALUE);
        ExecutorService control = GatewayPools.fixed(executors, owner, "GatewayControl[" + name + "]", controlThreads,
                Integer.MAX_VALUE);
        ScheduledExecutorService timer = GatewayPools.timer(executors, owner, "GatewayTimeouts[" + name + "]");
        return new GatewayExecutors(camelContext, workers, notices, control, timer,
                new ReconnectPace(reconnectsPerSecond), startupConnects);
    }

    ExecutorService workers() {
        return workers;
    }

    ExecutorService notices() {
        return notices;
    }

    ExecutorService control() {
        return control;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** The turns of this component's gateways to reconnect. */
    ReconnectPace reconnectPace() {
        return reconnectPace;
    }

    /** Null when gateways connect on the thread that starts them. */
    StartupConnects startupConnects() {
        return startupConnects;
    }

    boolean isStopped() {
        return stopped;
    }

    /**
     * Stops the threads. Work still queued for the workers and the control lanes ends exchanges (failures handed out a
     * moment ago): it is run here rather than dropped.
     */
    public void stop() {
        stopped = true;
        ExecutorServiceManager executors = camelContext.getExecutorServiceManager();
        executors.shutdownNow(timer);
        executors.shutdownNow(notices);
        runAll(executors.shutdownNow(control));
        runAll(executors.shutdownNow(workers));
    }

    /** Runs tasks left at a stop, each on its own: one that fails does not keep the others from running. */
    static void runAll(List<Runnable> leftovers) {
        for (Runnable task : leftovers) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.debug("A task left at stop failed: {}", e.toString());
            }
        }
    }
}
