package io.github.camel.iotgateway.benchmarks;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

/**
 * The bytes of every live object, as {@code jcmd GC.class_histogram} counts them (a full GC first), asked of this JVM's
 * own diagnostic command MBean. For the fleet rows instead of {@link HeapProbe}: the used heap that HeapProbe reads
 * also counts the allocation buffer (TLAB) each thread that allocated since the GC holds, and every idle gateway has a
 * timer thread that wakes a few times in each batchTimeout: a thousand of them add megabytes that hold no object.
 */
final class LiveHeap {

    private LiveHeap() {
    }

    static long bytes() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] { new String[0] }, new String[] { String[].class.getName() });
        // the last line: "Total   <instances>   <bytes>"
        String total = histogram.lines().filter(l -> l.startsWith("Total")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no Total in the class histogram"));
        String[] fields = total.trim().split("\\s+");
        return Long.parseLong(fields[fields.length - 1]);
    }
}
