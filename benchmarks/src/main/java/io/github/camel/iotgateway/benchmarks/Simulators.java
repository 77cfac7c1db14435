package io.github.camel.iotgateway.benchmarks;

import java.util.List;

/** What the simulators saw that the platform would refuse: a benchmark that breaks the protocol measures nothing. */
final class Simulators {

    private Simulators() {
    }

    static void reportViolations(String arm, List<String> violations) {
        if (violations.isEmpty()) {
            return;
        }
        Progress.log("WARNING %s: the simulator recorded %d protocol violations, first: %s", arm, violations.size(),
                violations.get(0));
    }
}
