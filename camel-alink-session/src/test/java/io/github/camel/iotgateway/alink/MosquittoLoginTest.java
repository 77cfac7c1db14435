package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The login suite against the Mosquitto on 127.0.0.1:1883 where one runs; skipped cleanly where none does. */
class MosquittoLoginTest extends LoginTest {

    @BeforeAll
    static void requireMosquitto() {
        assumeTrue(reachable("127.0.0.1", 1883), "no MQTT broker on 127.0.0.1:1883");
    }

    @Override
    protected String brokerUrl() {
        return "tcp://127.0.0.1:1883";
    }

    @Override
    protected long messagesSeen(SessionOperation operation) {
        return platform.requestCount(operation);
    }
}
