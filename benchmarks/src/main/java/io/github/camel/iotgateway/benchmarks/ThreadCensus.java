package io.github.camel.iotgateway.benchmarks;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The live threads by kind: a thread's name without what names its gateway, so that a thousand {@code MQTT Rec:
 * a1Fleet0001.gw-01} threads count as one kind, {@code MQTT Rec}. Camel names a pool's threads
 * {@code Camel (camel-1) thread #7 - GatewayInbound[clientId]}: the kind is the pool's name, {@code GatewayInbound}.
 */
final class ThreadCensus {

    private final Map<String, Integer> byKind;

    private ThreadCensus(Map<String, Integer> byKind) {
        this.byKind = byKind;
    }

    /** The benchmark's own threads, which no gateway made. */
    private static final Set<String> OWN = Set.of("fleet-start", "benchmark-watchdog");

    static ThreadCensus now() {
        return of(t -> !OWN.contains(t.getName()));
    }

    /** The live threads that {@code which} accepts. */
    static ThreadCensus of(Predicate<Thread> which) {
        return new ThreadCensus(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && which.test(t))
                .collect(Collectors.toMap(t -> kind(t.getName()), t -> 1, Integer::sum, TreeMap::new)));
    }

    static String kind(String name) {
        String kind = name;
        int camel = kind.lastIndexOf(" - ");
        if (kind.startsWith("Camel (") && camel > 0) {
            kind = kind.substring(camel + 3);
        }
        int bracket = kind.indexOf('[');
        if (bracket > 0) {
            kind = kind.substring(0, bracket);
        }
        int colon = kind.indexOf(": ");
        if (colon > 0) {
            kind = kind.substring(0, colon);
        }
        // pool-3-thread-7 and Thread-12: numbered, not named
        return kind.replaceAll("\\d+", "N").strip();
    }

    int total() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Threads of the kinds that {@code kinds} accepts. */
    int count(Predicate<String> kinds) {
        return byKind.entrySet().stream().filter(e -> kinds.test(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    /** Every kind with its count, most first: e.g. {@code GatewayReplies 4, MQTT Rec 1}. */
    String describe() {
        return growthSince(new ThreadCensus(Map.of()), 1);
    }

    /**
     * The kinds that grew since {@code before}, most first, each with its growth divided by {@code per}: e.g.
     * {@code MQTT Rec 1.00, GatewayInbound 1.00} per gateway.
     */
    String growthSince(ThreadCensus before, int per) {
        Map<String, Integer> grown = new TreeMap<>();
        byKind.forEach((kind, count) -> {
            int delta = count - before.byKind.getOrDefault(kind, 0);
            if (delta > 0) {
                grown.put(kind, delta);
            }
        });
        return grown.entrySet().stream()
                .sorted(Map.Entry.<String, Integer> comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(java.util.Locale.ROOT, "%s %s", e.getKey(), perText(e.getValue(), per)))
                .collect(Collectors.joining(", "));
    }

    private static String perText(int delta, int per) {
        return delta % per == 0 ? Integer.toString(delta / per)
                : String.format(java.util.Locale.ROOT, "%.2f", (double) delta / per);
    }
}
