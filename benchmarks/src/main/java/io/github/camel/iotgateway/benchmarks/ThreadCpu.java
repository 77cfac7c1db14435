package io.github.camel.iotgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of the live Java threads by kind ({@link ThreadCensus#kind}), to say where an idle fleet's CPU goes. What
 * the process spent beyond its Java threads (GC, JIT, the VM, threads that ended) is not in it.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanosById = new HashMap<>();
    private final Map<Long, String> kindById = new HashMap<>();

    private ThreadCpu() {
    }

    static ThreadCpu now() {
        ThreadCpu snapshot = new ThreadCpu();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long nanos = THREADS.getThreadCpuTime(thread.getId());
            if (nanos >= 0) {
                snapshot.nanosById.put(thread.getId(), nanos);
                snapshot.kindById.put(thread.getId(), ThreadCensus.kind(thread.getName()));
            }
        }
        return snapshot;
    }

    /**
     * The kinds that used the most CPU since {@code before}, in milliseconds a second of {@code wallNanos}: e.g.
     * {@code GatewayTimeouts 610 ms/s, MQTT Ping 12 ms/s}.
     */
    String topSince(ThreadCpu before, long wallNanos, int kinds) {
        Map<String, Long> byKind = new HashMap<>();
        nanosById.forEach((id, nanos) -> byKind.merge(kindById.get(id), nanos - before.nanosById.getOrDefault(id, 0L),
                Long::sum));
        double seconds = wallNanos / 1e9;
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(kinds)
                .map(e -> String.format(Locale.ROOT, "%s %.0f ms/s", e.getKey(), e.getValue() / 1e6 / seconds))
                .collect(Collectors.joining(", "));
    }
}
