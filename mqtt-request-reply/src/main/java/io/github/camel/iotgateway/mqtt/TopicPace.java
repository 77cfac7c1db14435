package io.github.camel.iotgateway.mqtt;

import java.util.function.Predicate;

/**
 * A platform's cap on some of a gateway's requests, beside the connection-wide one: Alibaba takes at most 200 requests a
 * second that bring sub-devices online (login, batch_login; docs/protocol-notes.md A.3), and an instance may count
 * the sub-devices in them rather than the requests.
 *
 * @param topics         the request topics the cap covers
 * @param unitsPerSecond most units in any window of a second
 * @param unitName       what a unit is, for the errors: "requests" or "sub-devices"
 */
public record TopicPace(Predicate<String> topics, int unitsPerSecond, String unitName) {

    public TopicPace {
        if (unitsPerSecond < 1) {
            throw new InvalidGatewayOptionException("a topic pace needs at least 1 " + unitName + " a second");
        }
    }
}
