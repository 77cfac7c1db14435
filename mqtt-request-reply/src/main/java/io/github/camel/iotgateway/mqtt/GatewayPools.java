package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Every pool the core makes, each with its size, queue and rejection policy said here. Never Camel's default profile:
 * its {@code CallerRuns} policy would make the submitting thread (an MQTT library thread, for received messages) do
 * the work itself once the queue is full. A full queue here refuses the task; the caller counts what it dropped.
 */
final class GatewayPools {

    private GatewayPools() {
    }

    /** {@code threads} threads, a queue of at most {@code queueSize} tasks, refusing past that. */
    static ExecutorService fixed(ExecutorServiceManager executors, Object owner, String name, int threads,
            int queueSize) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(queueSize);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return executors.newThreadPool(owner, name, profile);
    }

    /**
     * One scheduler thread with no limit on scheduled tasks: every gateway of a fleet keeps its timeout sweep, batch
     * lingers, pace and retries on it, and Camel's default scheduled profile refuses tasks past 1,000.
     */
    static ScheduledExecutorService timer(ExecutorServiceManager executors, Object owner, String name) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        // 0 or less means no limit for a scheduled pool
        profile.setMaxQueueSize(-1);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return executors.newScheduledThreadPool(owner, name, profile);
    }
}
