package io.github.camel.iotgateway.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole process, every thread of it, in nanoseconds: the benchmark's arms, their simulators, the
 * JIT and the GC, and the embedded broker when there is one (Mosquitto runs as a process of its own).
 */
final class CpuClock {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuClock() {
    }

    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
