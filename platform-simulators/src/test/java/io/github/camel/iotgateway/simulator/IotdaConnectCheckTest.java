package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceParas;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials.SIGN_TYPE_NO_TIMESTAMP_CHECK;
import static io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials.SIGN_TYPE_TIMESTAMP_CHECK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's CONNECT check for the gateway, with the signType 1 hour stamp against an injected clock. */
class IotdaConnectCheckTest {

    private static final String GW = "6650a1b2c3d4e5f6a7b8c9d0_gw01";
    private static final String SECRET = "examplePassw0rd";
    /** The simulator's clock: 2024-05-18 09:30 UTC, hour stamp 2024051809. */
    private static final Instant NOW = Instant.parse("2024-05-18T09:30:00Z");

    private static EmbeddedMqttBroker broker;
    private static IotdaPlatformSimulator platform;

    @BeforeAll
    static void start() {
        broker = EmbeddedMqttBroker.start();
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), GW, Clock.fixed(NOW, ZoneOffset.UTC));
        broker.setConnectAuthenticator(platform.connectAuthenticator(SECRET));
    }

    @AfterAll
    static void stop() {
        platform.close();
        broker.close();
    }

    @Test
    void signType1StampsWithinAnHourOfThePlatformClockAreAccepted() throws Exception {
        for (String stamp : List.of("2024051808", "2024051809", "2024051810")) {
            IotdaConnectCredentials c = IotdaConnectCredentials.of(GW, SECRET, stamp, SIGN_TYPE_TIMESTAMP_CHECK);
            try (TestMqttClient client = new TestMqttClient(broker.brokerUrl(), c.clientId(), c.username(),
                    c.password())) {
                assertThat(client.isConnected()).as(stamp).isTrue();
            }
        }
    }

    @Test
    void signType1StampsMoreThanAnHourOffAreRefusedWithReturnCode4() {
        for (String stamp : List.of("2024051807", "2024051811", "2020010100")) {
            // the password is right for the stamp: only its age refuses it
            IotdaConnectCredentials c = IotdaConnectCredentials.of(GW, SECRET, stamp, SIGN_TYPE_TIMESTAMP_CHECK);
            assertRefused(c.clientId(), c.username(), c.password());
        }
    }

    @Test
    void signType0IsNotCheckedAgainstTheClock() throws Exception {
        IotdaConnectCredentials old = IotdaConnectCredentials.of(GW, SECRET, "2020010100",
                SIGN_TYPE_NO_TIMESTAMP_CHECK);
        try (TestMqttClient client = new TestMqttClient(broker.brokerUrl(), old.clientId(), old.username(),
                old.password())) {
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void wrongCredentialsAndOtherClientsAreRefused() {
        IotdaConnectCredentials wrong = IotdaConnectCredentials.of(GW, "not-the-secret", NOW,
                SIGN_TYPE_TIMESTAMP_CHECK);
        assertRefused(wrong.clientId(), wrong.username(), wrong.password());
        IotdaConnectCredentials other = IotdaConnectCredentials.of("other_gw", SECRET, NOW, SIGN_TYPE_TIMESTAMP_CHECK);
        assertRefused(other.clientId(), other.username(), other.password());
        assertRefused("anonymous", null, null);
    }

    @Test
    void theSimulatorGetsBackInAfterABrokerRestartAndAnswersAnAcceptedGateway() throws Exception {
        broker.restart();
        Await.until("the simulator reconnected", Duration.ofSeconds(15), platform::isConnected);
        platform.registerChild("c1");
        IotdaConnectCredentials c = IotdaConnectCredentials.of(GW, SECRET, NOW, SIGN_TYPE_TIMESTAMP_CHECK);
        try (IotdaTestGateway gateway = new IotdaTestGateway(broker.brokerUrl(), platform.topics(), c.clientId(),
                c.username(), c.password())) {
            ServiceEvent response = gateway.call(EventType.DELETE_SUB_DEVICE_REQUEST,
                    new DeleteSubDeviceParas(List.of("c1")));
            assertThat(IotdaJson.convert(response.paras(), DeleteSubDeviceResponseParas.class).successfulDevices())
                    .containsExactly("c1");
            assertThat(response.eventTime()).as("event_time from the injected clock").isEqualTo("20240518T093000Z");
        }
        assertThat(platform.violations()).isEmpty();
    }

    @Test
    void toleranceIsTheClocksHourAndTheOnesNextToIt() {
        Instant lateInTheDay = Instant.parse("2024-05-18T23:59:59Z");
        assertThat(IotdaConnectCheck.isWithinTolerance("2024051900", lateInTheDay)).isTrue();
        assertThat(IotdaConnectCheck.isWithinTolerance("2024051822", lateInTheDay)).isTrue();
        assertThat(IotdaConnectCheck.isWithinTolerance("2024051821", lateInTheDay)).isFalse();
        assertThat(IotdaConnectCheck.isWithinTolerance("2024051901", lateInTheDay)).isFalse();
        assertThat(IotdaConnectCheck.isWithinTolerance("2024051809", NOW)).isTrue();
        assertThat(IotdaConnectCheck.isWithinTolerance("2024131809", NOW)).as("no real hour").isFalse();
        assertThat(IotdaConnectCheck.isWithinTolerance("2024051824", NOW)).as("no real hour").isFalse();
    }

    private void assertRefused(String clientId, String username, String password) {
        assertThatThrownBy(() -> new TestMqttClient(broker.brokerUrl(), clientId, username, password).close())
                .as(clientId)
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }
}
