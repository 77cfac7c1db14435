package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated cloud rides out a broker restart, so fault tests can restart the broker under a running gateway. */
class AlinkPlatformSimulatorReconnectTest {

    @Test
    void answersAgainAfterTheBrokerRestarts() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start();
             AlinkPlatformSimulator platform = AlinkPlatformSimulator.start(broker.brokerUrl(), "a1GwPk00001", "gw-01")) {
            platform.registerSubDevice("a1SubPk0001", "sensor-01", "s1");
            platform.setOnline("a1SubPk0001", "sensor-02");

            broker.restart();
            Await.until("the simulator to reconnect and subscribe", Duration.ofSeconds(10), platform::isConnected);

            try (AlinkTestGateway gateway = new AlinkTestGateway(broker.brokerUrl(), platform.topics())) {
                assertThat(gateway.call(SessionOperation.LOGIN,
                        AlinkTestGateway.login("a1SubPk0001", "sensor-01", "s1")).code()).isEqualTo(200);
            }
            assertThat(platform.isOnline("a1SubPk0001", "sensor-02"))
                    .as("the simulator's state outlives the broker; a real gateway would re-login anyway").isTrue();
        }
    }
}
