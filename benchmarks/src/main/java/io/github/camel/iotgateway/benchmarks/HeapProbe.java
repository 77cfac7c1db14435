package io.github.camel.iotgateway.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Used heap once garbage is gone: full GCs until two readings agree, the lowest reading kept. */
final class HeapProbe {

    private static final long SETTLED_BYTES = 32 * 1024;
    private static final int MAX_GCS = 12;

    private HeapProbe() {
    }

    static long settledUsedBytes() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        long previous = -1;
        for (int i = 0; i < MAX_GCS; i++) {
            System.gc();
            Thread.sleep(50);
            long used = memory.getHeapMemoryUsage().getUsed();
            lowest = Math.min(lowest, used);
            if (i >= 2 && previous >= 0 && Math.abs(used - previous) < SETTLED_BYTES) {
                break;
            }
            previous = used;
        }
        return lowest;
    }
}
