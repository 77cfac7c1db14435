package io.github.camel.iotgateway.mqtt;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts by a tag of few values (a reply code, an exception's type). A count is found by a scan of a small array that is
 * copied only when a new tag comes, so counting allocates nothing once a tag has been seen.
 */
final class TaggedCounts {

    private record Entry(String tag, LongAdder count) {
    }

    private volatile Entry[] entries = new Entry[0];

    void increment(String tag) {
        for (Entry entry : entries) {
            if (entry.tag.equals(tag)) {
                entry.count.increment();
                return;
            }
        }
        add(tag).increment();
    }

    private synchronized LongAdder add(String tag) {
        for (Entry entry : entries) {
            if (entry.tag.equals(tag)) {
                return entry.count;
            }
        }
        Entry added = new Entry(tag, new LongAdder());
        Entry[] grown = Arrays.copyOf(entries, entries.length + 1);
        grown[grown.length - 1] = added;
        entries = grown;
        return added.count;
    }

    long total() {
        long sum = 0;
        for (Entry entry : entries) {
            sum += entry.count.sum();
        }
        return sum;
    }

    /** Each tag seen with its count, in the tags' order. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (Entry entry : entries) {
            counts.put(entry.tag, entry.count.sum());
        }
        return counts;
    }
}
