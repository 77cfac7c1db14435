package io.github.camel.iotgateway.mqtt.client;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.internal.CommsCallback;
import org.eclipse.paho.client.mqttv3.internal.CommsReceiver;
import org.eclipse.paho.client.mqttv3.internal.CommsSender;

/**
 * Where every Paho client runs: the threads of its connects and disconnects and of a connection's receiver, sender
 * and callback loops come from one pool of the JVM's (a thread per task under way, reused by the next connect), and
 * the keep-alive pings of every client are timed by one scheduler, each ping run on a pooled thread. Left to itself,
 * Paho starts a new thread for each of these, and a timer thread per client for its pings: five thread starts a
 * connect, four threads an idle gateway. Threads end after a few seconds without work: nothing here is ever stopped.
 * <p>
 * A connect also no longer sleeps a tenth of a second for each of its three loops. Paho 1.2.5 (the last release of
 * its MQTT 3 client) starts each loop inside the loop's lock and then polls, every 100 ms, until the loop says it
 * runs; the loop's thread can only say so once the lock is free, so the first poll nearly always finds it not running
 * yet, and every connect slept about 300 ms. Here the starting thread waits on the loop's lock instead (which lets the
 * loop's thread in) until the loop runs, and Paho's first poll finds it running. Should a later Paho keep its loops
 * differently (no {@code lifecycle} lock, or not held while it starts the loop), the loop starts without the wait and
 * Paho polls as before.
 * <p>
 * A loop is never interrupted: Paho cancels a loop's future when it stops the loop, but without an executor it lets
 * the loop end by itself, and so it does here. A thread Paho renamed for its task gets its pool name back after it.
 */
final class PahoThreads extends AbstractExecutorService implements ScheduledExecutorService {

    /** One for every client: what it holds is shared. */
    static final PahoThreads INSTANCE = new PahoThreads();

    /** Idle threads end after this; a fleet that reconnects within it reuses the threads its loops ended on. */
    private static final long KEEP_ALIVE_SECONDS = 5;
    /** Longest a connect waits for a loop to run before it leaves the rest to Paho's polls. */
    private static final long START_WAIT_MILLIS = 5_000;
    private static final String POOL_NAME = "PahoThreads";

    private static final Field RECEIVER_LOCK = lockOf(CommsReceiver.class);
    private static final Field SENDER_LOCK = lockOf(CommsSender.class);
    private static final Field CALLBACK_LOCK = lockOf(CommsCallback.class);

    /** A thread per task under way (loops run for a connection's life), none kept idle past the keep-alive. */
    private final ThreadPoolExecutor threads;
    /** Times every client's pings; a ping runs on {@link #threads}, as it may close its connection. */
    private final ScheduledThreadPoolExecutor pings;

    private PahoThreads() {
        threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons(POOL_NAME));
        pings = new ScheduledThreadPoolExecutor(1, daemons(POOL_NAME + "Pings"));
        pings.setKeepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        pings.allowCoreThreadTimeOut(true);
        // a stopped client's next ping leaves the queue at once, so that the thread can end with the last client
        pings.setRemoveOnCancelPolicy(true);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + " #" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Field lockOf(Class<?> loop) {
        try {
            Field lock = loop.getDeclaredField("lifecycle");
            lock.setAccessible(true);
            return lock;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    /** A connect or disconnect in the background, or a ping. */
    @Override
    public void execute(Runnable command) {
        threads.execute(keepingName(command));
    }

    /** A loop of a connection, started inside the loop's lock: returns once the loop runs. */
    @Override
    public Future<?> submit(Runnable loop) {
        UninterruptedFuture future = new UninterruptedFuture(loop);
        threads.execute(keepingName(future));
        if (loop instanceof CommsReceiver receiver) {
            awaitRunning(lock(RECEIVER_LOCK, loop), receiver::isRunning, future);
        } else if (loop instanceof CommsSender sender) {
            awaitRunning(lock(SENDER_LOCK, loop), sender::isRunning, future);
        } else if (loop instanceof CommsCallback callback) {
            awaitRunning(lock(CALLBACK_LOCK, loop), callback::isRunning, future);
        }
        return future;
    }

    /** A client's next ping (Paho's {@code ScheduledExecutorPingSender}), handed to a pooled thread when due. */
    @Override
    public ScheduledFuture<?> schedule(Runnable ping, long delay, TimeUnit unit) {
        return pings.schedule(() -> execute(ping), delay, unit);
    }

    /** Paho names a thread after its task; the pool's name comes back once the task ends. */
    private static Runnable keepingName(Runnable task) {
        return () -> {
            Thread thread = Thread.currentThread();
            String name = thread.getName();
            try {
                task.run();
            } finally {
                thread.setName(name);
            }
        };
    }

    private static Object lock(Field field, Object loop) {
        try {
            return field == null ? null : field.get(loop);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits on the loop's lock, which this thread holds (Paho's start), so that the loop's thread can take it and mark
     * itself running. The lock's owner never notifies it: each wait ends after a millisecond at most.
     */
    private static void awaitRunning(Object lock, BooleanSupplier running, Future<?> loop) {
        if (lock == null || !Thread.holdsLock(lock)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_WAIT_MILLIS);
        synchronized (lock) {
            while (!running.getAsBoolean() && !loop.isDone() && System.nanoTime() < deadline) {
                try {
                    lock.wait(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A loop's future whose cancel does not interrupt the loop: the loop ends as Paho stops it. */
    private static final class UninterruptedFuture extends FutureTask<Void> {

        private UninterruptedFuture(Runnable loop) {
            super(loop, null);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        /** A loop that throws ends as it would on a thread of its own: the thread's handler hears of it. */
        @Override
        protected void setException(Throwable failure) {
            super.setException(failure);
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
        }
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        throw new UnsupportedOperationException("Paho submits only its loops, as Runnables");
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        throw new UnsupportedOperationException("Paho submits only its loops, as Runnables");
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("Paho schedules only its pings, as Runnables");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("Paho schedules only its pings, one at a time");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("Paho schedules only its pings, one at a time");
    }

    /** Shared by every client: no client shuts it down (Paho 1.2.5 never asks), and idle threads end by themselves. */
    @Override
    public void shutdown() {
        // nothing to end
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }
}
