package io.github.camel.iotgateway.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * One measured quantity over several rounds: the median of the per-round values, with their min–max as the spread.
 * The median of rounds, not of all samples, so one noisy round (a GC, the other core busy) moves it little.
 *
 * @param rounds   one value per measured round
 * @param unit     how the value is shown: {@link Unit}
 * @param failures requests that failed or got no answer in the measured rounds (0 when all were answered)
 * @param attempts requests sent in the measured rounds
 */
record Figure(double[] rounds, Unit unit, long failures, long attempts) {

    /** How a figure is printed. */
    enum Unit {
        MILLIS, MICROS, PER_SECOND, BYTES
    }

    Figure {
        if (rounds.length == 0) {
            throw new IllegalArgumentException("a figure needs at least one round");
        }
        rounds = rounds.clone();
    }

    double median() {
        return Samples.median(rounds);
    }

    /** The mean of the rounds: with equal rounds, their total over all their requests. */
    double mean() {
        return Arrays.stream(rounds).average().orElseThrow();
    }

    double min() {
        return Arrays.stream(rounds).min().orElseThrow();
    }

    double max() {
        return Arrays.stream(rounds).max().orElseThrow();
    }

    /** e.g. {@code 0.41 ms (0.39–0.47)} or {@code 52,300 /s (48,100–55,000); 3 failed}. */
    String describe() {
        String text = format(median()) + " " + unitLabel() + " (" + format(min()) + "–" + format(max()) + ")";
        return failures == 0 ? text
                : text + String.format(Locale.ROOT, "; **%,d of %,d failed**", failures, attempts);
    }

    /** e.g. {@code mean 11.4 µs (7.00–13.0)}: for a figure whose rounds are coarse steps, see {@link #mean()}. */
    String describeMean() {
        String text = "mean " + format(mean()) + " " + unitLabel() + " (" + format(min()) + "–" + format(max()) + ")";
        return failures == 0 ? text
                : text + String.format(Locale.ROOT, "; **%,d of %,d failed**", failures, attempts);
    }

    private String unitLabel() {
        return switch (unit) {
            case MILLIS -> "ms";
            case MICROS -> "µs";
            case PER_SECOND -> "/s";
            case BYTES -> "B";
        };
    }

    private String format(double value) {
        return switch (unit) {
            case MILLIS -> String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.1f", value);
            case MICROS -> String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
            case PER_SECOND, BYTES -> String.format(Locale.ROOT, "%,.0f", value);
        };
    }
}
