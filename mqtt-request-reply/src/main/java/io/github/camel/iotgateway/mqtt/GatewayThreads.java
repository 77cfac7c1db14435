package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Which threads may run a route. The MQTT library's own threads (Paho names them {@code MQTT Rec}, {@code MQTT Call},
 * ...) must never: a route that blocks there stalls every message of the gateway (docs/broker-notes.md §8).
 */
final class GatewayThreads {

    /** Paho's thread names all start with this. */
    static final String LIBRARY_THREAD_PREFIX = "MQTT";

    /** Last resort for a continuation found on a library thread; the core hands its work over before that happens. */
    private static final ExecutorService RESCUE = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "GatewayCompletionRescue");
        thread.setDaemon(true);
        return thread;
    });

    private GatewayThreads() {
    }

    static boolean onLibraryThread() {
        return Thread.currentThread().getName().startsWith(LIBRARY_THREAD_PREFIX);
    }

    static void continueOffLibraryThread(Runnable continuation) {
        if (!onLibraryThread()) {
            continuation.run();
            return;
        }
        try {
            RESCUE.execute(continuation);
        } catch (RejectedExecutionException impossible) {
            continuation.run();
        }
    }
}
