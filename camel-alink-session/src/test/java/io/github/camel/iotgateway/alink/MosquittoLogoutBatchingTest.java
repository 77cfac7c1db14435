package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The batching suite against an external broker: the Mosquitto on 127.0.0.1:1883 where one runs (skipped cleanly where
 * none does). Each test uses a gateway of its own, so nothing else on that broker interferes.
 */
class MosquittoLogoutBatchingTest extends LogoutBatchingTest {

    private static final String MOSQUITTO = "tcp://127.0.0.1:1883";

    @BeforeAll
    static void requireMosquitto() {
        assumeTrue(reachable("127.0.0.1", 1883), "no MQTT broker on 127.0.0.1:1883");
    }

    @Override
    protected String brokerUrl() {
        return MOSQUITTO;
    }

    /** Mosquitto does not count for us: the platform simulator's count of what reached it stands in. */
    @Override
    protected long messagesSeen(SessionOperation operation) {
        return platform.requestCount(operation);
    }

    @Override
    protected java.util.Set<Integer> qosSeen(SessionOperation operation) {
        return java.util.Set.of(0);
    }
}
