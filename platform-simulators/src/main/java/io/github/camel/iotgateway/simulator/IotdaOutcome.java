package io.github.camel.iotgateway.simulator;

import java.util.List;

/**
 * What the simulated IoTDA platform answers a request with: the response's {@code paras}, and the rules the request
 * broke (empty when none) for the violation log.
 */
record IotdaOutcome(Object paras, List<String> violations) {

    IotdaOutcome {
        violations = List.copyOf(violations);
    }
}
