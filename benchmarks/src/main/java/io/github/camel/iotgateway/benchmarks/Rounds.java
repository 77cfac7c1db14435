package io.github.camel.iotgateway.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a component arm and its baseline round by round on the same broker: warm-up rounds first (thrown away), then
 * measured rounds in alternating order, so drift on a shared machine (JIT, GC, the other core busy) hits both arms
 * alike.
 */
final class Rounds {

    private Rounds() {
    }

    /** One round of one arm. */
    @FunctionalInterface
    interface Arm {
        RoundResult run() throws Exception;
    }

    /**
     * What one round measured.
     *
     * @param metrics  the round's figures, in an order the caller knows (e.g. median then p99)
     * @param failures requests of the round that failed or got no answer
     * @param attempts requests the round sent
     */
    record RoundResult(double[] metrics, long failures, long attempts) {
        static RoundResult of(long failures, long attempts, double... metrics) {
            return new RoundResult(metrics, failures, attempts);
        }
    }

    /** The measured rounds of both arms. */
    record Paired(List<RoundResult> component, List<RoundResult> baseline) {
        Figure component(int metric, Figure.Unit unit) {
            return figure(component, metric, unit);
        }

        Figure baseline(int metric, Figure.Unit unit) {
            return figure(baseline, metric, unit);
        }
    }

    static Paired interleave(String name, int warmups, int rounds, Arm component, Arm baseline) throws Exception {
        for (int i = 0; i < warmups; i++) {
            Progress.log("%s: warm-up %d/%d", name, i + 1, warmups);
            component.run();
            baseline.run();
        }
        List<RoundResult> c = new ArrayList<>();
        List<RoundResult> b = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                c.add(afterCollecting(component));
                b.add(afterCollecting(baseline));
            } else {
                b.add(afterCollecting(baseline));
                c.add(afterCollecting(component));
            }
            Progress.log("%s: round %d/%d component %s, baseline %s", name, i + 1, rounds,
                    brief(c.get(c.size() - 1)), brief(b.get(b.size() - 1)));
        }
        return new Paired(c, b);
    }

    /**
     * Runs a measured round on a clean heap: a round of the batching rows lasts tens of milliseconds, and a collection
     * of the other arm's garbage landing in it would be charged to the wrong arm. What the round itself allocates is
     * still collected within it.
     */
    private static RoundResult afterCollecting(Arm arm) throws Exception {
        System.gc();
        return arm.run();
    }

    static Figure figure(List<RoundResult> results, int metric, Figure.Unit unit) {
        double[] values = results.stream().mapToDouble(r -> r.metrics()[metric]).toArray();
        long failures = results.stream().mapToLong(RoundResult::failures).sum();
        long attempts = results.stream().mapToLong(RoundResult::attempts).sum();
        return new Figure(values, unit, failures, attempts);
    }

    private static String brief(RoundResult r) {
        StringBuilder text = new StringBuilder();
        for (double m : r.metrics()) {
            text.append(text.length() == 0 ? "" : "/").append(String.format(java.util.Locale.ROOT, "%.3f", m));
        }
        return r.failures() == 0 ? text.toString() : text + " (" + r.failures() + " failed)";
    }
}
