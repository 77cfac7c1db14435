package io.github.camel.iotgateway.benchmarks;

import java.util.Locale;

/**
 * One line of a broker's table: a measurement, the component's figure beside its baseline from the same run, their
 * ratio and whether the target is met. A figure that could not be measured (no replies at all) is given as text.
 *
 * @param why for a missed target, the reason in a few words (e.g. {@code 0.30× against ≥ 0.5×}); else null
 */
record Row(String measurement, String component, String baseline, double ratio, Target target, Boolean met,
           String why) {

    /** A component figure against its baseline; the ratio is component median / baseline median. */
    static Row compare(String measurement, Figure component, Figure baseline, Target target) {
        double ratio = component.median() / baseline.median();
        Boolean met = target.isMet(component.median(), ratio);
        String why = null;
        if (met != null && component.failures() > 0) {
            // a figure bought by dropping or refusing requests does not meet anything
            met = Boolean.FALSE;
            why = String.format(Locale.ROOT, "%,d of %,d requests failed", component.failures(), component.attempts());
        } else if (Boolean.FALSE.equals(met)) {
            // three decimals: 0.497× must not read as the 0.50× it misses
            why = (target.kind() == Target.Kind.VALUE_AT_MOST ? component.describe()
                    : String.format(Locale.ROOT, "%.3f×", ratio)) + " against " + target.label();
        }
        return new Row(measurement, component.describe(), baseline.describe(), ratio, target, met, why);
    }

    /**
     * A component figure against its baseline by their means: for figures measured in coarse steps (the process CPU
     * clock ticks in 10 ms), whose median would be one of the steps.
     */
    static Row compareMeans(String measurement, Figure component, Figure baseline, Target target) {
        double ratio = component.mean() / baseline.mean();
        Boolean met = target.isMet(component.mean(), ratio);
        String why = null;
        if (met != null && component.failures() > 0) {
            met = Boolean.FALSE;
            why = String.format(Locale.ROOT, "%,d of %,d requests failed", component.failures(), component.attempts());
        } else if (Boolean.FALSE.equals(met)) {
            why = String.format(Locale.ROOT, "%.3f×", ratio) + " against " + target.label();
        }
        return new Row(measurement, component.describeMean(), baseline.describeMean(), ratio, target, met, why);
    }

    /** A row for reference, judged against nothing. */
    static Row reference(String measurement, String component, String baseline, double ratio) {
        return new Row(measurement, component, baseline, ratio, Target.none(), null, null);
    }

    /** A measurement that could not run; the table says why. */
    static Row failed(String measurement, Exception cause) {
        return new Row(measurement, "**failed:** " + cause.toString().replace('|', '/'), "–", Double.NaN, Target.none(),
                Boolean.FALSE, "it failed to run");
    }

    /** The same row with its verdict withheld, because the figures measure something else (see the table's note). */
    Row unjudged() {
        return new Row(measurement, component, baseline, ratio, target, null, "see the note below the table");
    }

    /** The measurement's number, e.g. {@code 1a}; the whole name when it has none. */
    String number() {
        int dot = measurement.indexOf('.');
        return dot > 0 && dot <= 3 ? measurement.substring(0, dot) : measurement;
    }

    String ratioText() {
        return ratioText(ratio);
    }

    private static String ratioText(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    String metText() {
        if (met == null) {
            return why == null ? "–" : "not judged: " + why;
        }
        return met ? "yes" : "**NO – missed**";
    }
}
