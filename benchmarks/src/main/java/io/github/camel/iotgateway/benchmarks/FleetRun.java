package io.github.camel.iotgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camel.iotgateway.mqtt.GatewayConnection;

/**
 * One fleet of {@code size} gateways measured: its start; then, idle, the threads, heap and CPU it holds; then the way
 * back after the broker is killed and started again.
 * <p>
 * Bounded. A start not done by its cap is measured as far as it got: the broker is frozen (SIGSTOP, so that the
 * connected gateways stay connected and no further one connects), the idle figures are taken over the gateways
 * connected, and the start is ended by a broker that refuses every CONNECT, at which the next gateway's start fails and
 * with it the CamelContext's. Letting the rest of the start fail against a dead broker instead would create every
 * remaining gateway, each with its timers, and a fleet too large to start in time is too large for this machine to
 * hold idle: the broker restart is then not measured.
 */
final class FleetRun {

    /**
     * What one fleet showed. Times in milliseconds, NaN when not every gateway made it by the cap.
     *
     * @param startCpuMillis CPU time of the whole process during the start (JIT and GC included); NaN as startMillis
     * @param startedReady gateways connected when the start ended, or when it was cut short
     * @param idle         the idle figures, over the {@code startedReady} gateways
     * @param restart      the way back after the broker's restart; null when the start was cut short
     */
    record Outcome(int size, double startMillis, double startCpuMillis, int startedReady, Idle idle,
                   Restart restart) {

        boolean allStarted() {
            return startedReady == size;
        }
    }

    /**
     * An idle fleet, every gateway counted connected.
     *
     * @param gateways         the gateways the figures are over
     * @param threadsAdded     live threads (ThreadMXBean), less those before the fleet was built
     * @param buildHeapBytes   live heap ({@link LiveHeap}) the built fleet added: endpoints and producers, not started
     * @param startHeapBytes   live heap its start then added: the gateways' clients and connections
     * @param cpuMillisPerSecond CPU time of the whole process a second, nothing sent
     * @param cpuByKind        the thread kinds that used the most of it ({@link ThreadCpu})
     */
    record Idle(int gateways, int threadsAdded, String threadKinds, double buildHeapBytes, double startHeapBytes,
                double cpuMillisPerSecond, String cpuByKind) {
    }

    /**
     * @param downMillis    from the broker's kill to its listening again
     * @param reconnected   gateways connected again after the restart, by the cap
     * @param peakPerSecond the most connects after the restart within any one second
     * @param spreadMillis  from the first connect after the restart to the last
     */
    record Restart(double downMillis, double reconnectMillis, int reconnected, int peakPerSecond,
                   double spreadMillis) {
    }

    /**
     * How often the start and the way back are polled: each poll walks every gateway under the registry's lock, which
     * the starting gateways take too. Every 5 ms it was a tenth of the CPU a fleet of 1,000 took to start.
     */
    private static final long POLL_MILLIS = 20;
    /** A start that meets a refusing broker fails at the next gateway; the connect in flight ends within its timeout. */
    private static final long CUT_SHORT_MILLIS = 30_000;
    private static final long THREADS_END_MILLIS = 10_000;
    /** How long the idle fleet's CPU is watched. */
    private static final long IDLE_CPU_MILLIS = 2000;

    private FleetRun() {
    }

    static Outcome measure(FleetBroker broker, int size, long startCapMillis, long reconnectCapMillis)
            throws Exception {
        ThreadCensus kindsBefore = ThreadCensus.now();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        long heapBefore = LiveHeap.bytes();
        try (Fleet fleet = Fleet.build(broker.url(), size)) {
            long heapBuilt = LiveHeap.bytes();
            AtomicReference<RuntimeException> startFailure = new AtomicReference<>();
            // on a thread of its own, so that a start slower than the cap cannot hold up the run
            Thread starter = new Thread(() -> {
                try {
                    fleet.start();
                } catch (RuntimeException e) {
                    startFailure.set(e);
                }
            }, "fleet-start");
            starter.setDaemon(true);
            long began = System.nanoTime();
            long cpuBegan = CpuClock.processNanos();
            starter.start();
            long deadline = began + TimeUnit.MILLISECONDS.toNanos(startCapMillis);
            while (fleet.ready() < size && System.nanoTime() < deadline && startFailure.get() == null) {
                Thread.sleep(POLL_MILLIS);
            }
            if (startFailure.get() != null) {
                throw startFailure.get();
            }
            if (fleet.ready() == size) {
                double startMillis = (System.nanoTime() - began) / 1e6;
                double startCpuMillis = (CpuClock.processNanos() - cpuBegan) / 1e6;
                Progress.log("fleet of %,d: every gateway connected %.0f ms after the CamelContext began to start (CPU"
                             + " %.0f ms, %.2f ms a gateway)", size, startMillis, startCpuMillis,
                        startCpuMillis / size);
                starter.join(CUT_SHORT_MILLIS);
                Idle idle = idle(size, kindsBefore, threadsBefore, heapBefore, heapBuilt, starter);
                return new Outcome(size, startMillis, startCpuMillis, size, idle,
                        restart(broker, fleet, reconnectCapMillis));
            }
            broker.freeze();
            int ready = fleet.ready();
            Progress.log("fleet of %,d: %,d gateways connected %d s after the CamelContext began to start; the broker is"
                         + " frozen for the idle figures, then refuses every CONNECT to end the start", size, ready,
                    startCapMillis / 1000);
            try {
                Idle idle = idle(ready, kindsBefore, threadsBefore, heapBefore, heapBuilt, starter);
                Progress.log("fleet of %,d: ending its start on purpose; Camel logs the failure", size);
                broker.refuseConnects();
                starter.join(CUT_SHORT_MILLIS);
                if (starter.isAlive()) {
                    throw new IllegalStateException("the CamelContext of " + size + " gateways was still starting "
                                                    + CUT_SHORT_MILLIS / 1000 + " s after the broker refused connects");
                }
                Progress.log("fleet of %,d: its start ended (%s)", size,
                        startFailure.get() == null ? "without a failure" : startFailure.get().getMessage());
                return new Outcome(size, Double.NaN, Double.NaN, ready, idle, null);
            } finally {
                // the refusing broker, or the frozen one should the idle figures have failed, gives way
                broker.kill();
                broker.restart();
            }
        } finally {
            awaitThreadsBackTo(threadsBefore, kindsBefore, size);
        }
    }

    /** The idle figures of the {@code gateways} connected, the broker quiet; the benchmark's starter not counted. */
    private static Idle idle(int gateways, ThreadCensus kindsBefore, int threadsBefore, long heapBefore,
                             long heapBuilt, Thread starter) throws Exception {
        long heapStarted = LiveHeap.bytes();
        int threadsAdded = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore
                           - (starter.isAlive() ? 1 : 0);
        String kinds = ThreadCensus.now().growthSince(kindsBefore, gateways);
        ThreadCpu threadCpu = ThreadCpu.now();
        long cpu = CpuClock.processNanos();
        long wall = System.nanoTime();
        Thread.sleep(IDLE_CPU_MILLIS);
        long cpuNanos = CpuClock.processNanos() - cpu;
        long wallNanos = System.nanoTime() - wall;
        String cpuByKind = ThreadCpu.now().topSince(threadCpu, wallNanos, 3);
        double cpuMillisPerSecond = cpuNanos / 1e6 / (wallNanos / 1e9);
        Idle idle = new Idle(gateways, threadsAdded, kinds, heapBuilt - heapBefore, heapStarted - heapBuilt,
                cpuMillisPerSecond, cpuByKind);
        Progress.log("fleet idle, %,d gateways connected: %,d threads added (a gateway: %s), %,d KB heap built and %,d"
                     + " KB started, %.0f ms CPU a second (most: %s)", gateways, threadsAdded, kinds,
                (heapBuilt - heapBefore) / 1024, (heapStarted - heapBuilt) / 1024, cpuMillisPerSecond, cpuByKind);
        return idle;
    }

    /**
     * Kills the broker, starts it again on the same port at once, and times the way back: from the broker listening
     * again to the last gateway's reconnect.
     */
    private static Restart restart(FleetBroker broker, Fleet fleet, long capMillis) throws Exception {
        int size = fleet.size();
        ConnectTimes times = new ConnectTimes();
        for (GatewayConnection connection : fleet.connections()) {
            connection.addConnectionListener(times);
        }
        long killed = System.nanoTime();
        broker.kill();
        broker.restart();
        long back = System.nanoTime();
        long deadline = back + TimeUnit.MILLISECONDS.toNanos(capMillis);
        while ((times.count() < size || fleet.ready() < size) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
        long[] moments = times.sorted();
        int reconnected = Math.min(moments.length, fleet.ready());
        double reconnectMillis = reconnected == size ? (moments[moments.length - 1] - back) / 1e6 : Double.NaN;
        double spreadMillis = moments.length == 0 ? Double.NaN : (moments[moments.length - 1] - moments[0]) / 1e6;
        int peak = ConnectTimes.peakPerSecond(moments);
        double downMillis = (back - killed) / 1e6;
        Progress.log("fleet of %,d after the broker's restart (down %.0f ms): %,d of %,d connected, the last %.0f ms"
                     + " after the broker was back; at most %,d in one second, first to last %.0f ms", size,
                downMillis, reconnected, size, reconnectMillis, peak, spreadMillis);
        return new Restart(downMillis, reconnectMillis, reconnected, peak, spreadMillis);
    }

    /**
     * Waits for the stopped fleet's threads to end: they end after the stop returns, and what they still reference
     * would be counted as the next fleet's heap. A fleet that leaves threads behind is logged.
     */
    private static void awaitThreadsBackTo(int threadsBefore, ThreadCensus kindsBefore, int size)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THREADS_END_MILLIS);
        while (ManagementFactory.getThreadMXBean().getThreadCount() > threadsBefore
               && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int left = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
        if (left > 0) {
            Progress.log("WARNING fleet of %,d: %,d threads still alive %d s after its stop: %s; e.g. %s", size, left,
                    THREADS_END_MILLIS / 1000, ThreadCensus.now().growthSince(kindsBefore, 1), lingering());
        }
    }

    /** Where one Paho thread still alive after a stop waits, for the log: the top of its stack. */
    private static String lingering() {
        return Thread.getAllStackTraces().entrySet().stream().filter(e -> e.getKey().getName().startsWith("MQTT"))
                .findFirst().map(e -> e.getKey().getName() + " at " + java.util.Arrays.stream(e.getValue()).limit(4)
                        .map(StackTraceElement::toString).collect(java.util.stream.Collectors.joining(" < ")))
                .orElse("no Paho thread");
    }
}
