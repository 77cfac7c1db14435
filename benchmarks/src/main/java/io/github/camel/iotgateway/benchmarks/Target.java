package io.github.camel.iotgateway.benchmarks;

import java.math.BigDecimal;

/**
 * What a row must reach to count as met: a bound on the component/baseline ratio, a bound on the component's own
 * figure, or nothing (a row for reference).
 */
record Target(Kind kind, double bound, String label) {

    enum Kind {
        RATIO_AT_MOST, RATIO_AT_LEAST, VALUE_AT_MOST, NONE
    }

    static Target ratioAtMost(double bound) {
        return new Target(Kind.RATIO_AT_MOST, bound, "≤ " + exactly(bound) + "×");
    }

    static Target ratioAtLeast(double bound) {
        return new Target(Kind.RATIO_AT_LEAST, bound, "≥ " + exactly(bound) + "×");
    }

    /** The bound as it is judged: 0.85 must not read 0.9 (it did, with one decimal). At least one decimal: 1.0. */
    static String exactly(double bound) {
        String plain = BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    static Target valueAtMost(double bound, String label) {
        return new Target(Kind.VALUE_AT_MOST, bound, label);
    }

    static Target none() {
        return new Target(Kind.NONE, Double.NaN, "–");
    }

    /** Whether the row meets the target; null when there is none or nothing to judge. */
    Boolean isMet(double componentValue, double ratio) {
        return switch (kind) {
            case RATIO_AT_MOST -> Double.isNaN(ratio) ? Boolean.FALSE : ratio <= bound;
            case RATIO_AT_LEAST -> Double.isNaN(ratio) ? Boolean.FALSE : ratio >= bound;
            case VALUE_AT_MOST -> Double.isNaN(componentValue) ? Boolean.FALSE : componentValue <= bound;
            case NONE -> null;
        };
    }
}
