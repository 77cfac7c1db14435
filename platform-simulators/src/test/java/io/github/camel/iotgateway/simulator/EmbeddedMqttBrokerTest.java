package io.github.camel.iotgateway.simulator;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMqttBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void freshCounts() {
        broker.resetCounts();
    }

    @AfterEach
    void acceptEveryone() {
        broker.setConnectAuthenticator(null);
    }

    @Test
    void listensOnLoopbackAtTheReportedPort() {
        assertThat(broker.port()).isPositive();
        assertThat(broker.brokerUrl()).isEqualTo("tcp://127.0.0.1:" + broker.port());
        assertThat(broker.isRunning()).isTrue();
    }

    @Test
    void deliversOnAlinkAndHuaweiStyleTopics() throws Exception {
        String alink = "/ext/session/a1GwPk00001/gw-01/combine/login";
        String huawei = "$oc/devices/6650a1b2c3d4e5f6a7b8c9d0_gw01/sys/events/up";
        try (TestMqttClient subscriber = new TestMqttClient(broker.brokerUrl());
             TestMqttClient publisher = new TestMqttClient(broker.brokerUrl())) {
            subscriber.subscribe("/ext/session/a1GwPk00001/gw-01/combine/+", huawei);
            publisher.publish(alink, "{\"id\":\"1\"}", 0);
            publisher.publish(huawei, "{\"services\":[]}", 1);

            // two subscriptions are two queues in Artemis: their messages may arrive in either order
            Map<String, String> byTopic = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                TestMqttClient.Received received = subscriber.poll(WAIT);
                assertThat(received).as("message " + (i + 1) + " of 2").isNotNull();
                byTopic.put(received.topic(), received.payload());
            }
            assertThat(byTopic).isEqualTo(Map.of(alink, "{\"id\":\"1\"}", huawei, "{\"services\":[]}"));
        }
    }

    @Test
    void countsEveryPublishPerExactTopicAndQos() throws Exception {
        String topic = "/ext/session/pk/dn/combine/logout";
        try (TestMqttClient client = new TestMqttClient(broker.brokerUrl())) {
            for (int i = 0; i < 7; i++) {
                client.publish(topic, "{}", 0);
            }
            client.publish(topic, "{}", 1);
            client.publish(topic, "{}", 1);
            client.publish(topic + "_reply", "{}", 0);
            client.publish("$oc/devices/x/sys/events/up", "{}", 1);

            Await.until("9 publishes at the broker", () -> broker.publishCount(topic) == 9);
            Await.until("the $oc publish", () -> broker.publishCount("$oc/devices/x/sys/events/up") == 1);
            assertThat(broker.qosCounts(topic)).isEqualTo(Map.of(0, 7L, 1, 2L));
            assertThat(broker.publishCount(topic + "_reply")).isEqualTo(1);
            assertThat(broker.publishCount("/ext/session/pk/dn/combine/+")).isZero();
            assertThat(broker.qosCounts("never/used")).isEmpty();

            broker.resetCounts();
            assertThat(broker.publishCount(topic)).isZero();
        }
    }

    @Test
    void countsWhatClientsSendNotWhatTheBrokerDelivers() throws Exception {
        String topic = "fan/out";
        try (TestMqttClient a = new TestMqttClient(broker.brokerUrl());
             TestMqttClient b = new TestMqttClient(broker.brokerUrl());
             TestMqttClient publisher = new TestMqttClient(broker.brokerUrl())) {
            a.subscribe(topic);
            b.subscribe(topic);
            publisher.publish(topic, "x", 1);
            assertThat(a.poll(WAIT)).isNotNull();
            assertThat(b.poll(WAIT)).isNotNull();
            assertThat(broker.publishCount(topic)).isEqualTo(1);
        }
    }

    @Test
    void authenticatorRefusesAWrongPasswordWithReturnCode4() throws Exception {
        broker.setConnectAuthenticator((clientId, username, password) ->
                "gw01".equals(username) && "right-password".equals(password));

        assertThatThrownBy(() -> new TestMqttClient(broker.brokerUrl(), "gw01_0_0_2024051809", "gw01", "wrong"))
                .isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
        assertThatThrownBy(() -> new TestMqttClient(broker.brokerUrl(), "anonymous", null, null))
                .isInstanceOfSatisfying(MqttException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(4));

        try (TestMqttClient accepted = new TestMqttClient(broker.brokerUrl(), "gw01_0_0_2024051809", "gw01",
                "right-password")) {
            assertThat(accepted.isConnected()).isTrue();
        }
    }

    /**
     * Paho at its default MQTT version (as Huawei's device SDK leaves it) retries a refused 3.1.1 CONNECT as 3.1; with a
     * ClientId past the 3.1 spec's 23 characters that retry must be refused with 4 too, not dropped without a CONNACK
     * (which Paho reports as 32109 "connection lost", hiding the refusal).
     */
    @Test
    void aConnectRetriedAsMqtt31WithALongClientIdIsRefusedWith4() throws Exception {
        broker.setConnectAuthenticator((clientId, username, password) -> "right-password".equals(password));
        String longClientId = "6650a1b2c3d4e5f6a7b8c9d0_gw01_0_0_2024051809";

        for (int version : new int[] {MqttConnectOptions.MQTT_VERSION_DEFAULT, MqttConnectOptions.MQTT_VERSION_3_1}) {
            MqttClient client = new MqttClient(broker.brokerUrl(), longClientId, new MemoryPersistence());
            try {
                client.setTimeToWait(WAIT.toMillis());
                MqttConnectOptions options = options(version, "wrong");
                assertThatThrownBy(() -> client.connect(options))
                        .as("MQTT version %d", version)
                        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                                .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
            } finally {
                client.close(true);
            }
        }
    }

    @Test
    void mqtt31ClientsWithLongClientIdsAreServed() throws Exception {
        MqttClient client = new MqttClient(broker.brokerUrl(), "a-client-id-well-past-twenty-three-characters",
                new MemoryPersistence());
        try (TestMqttClient subscriber = new TestMqttClient(broker.brokerUrl())) {
            subscriber.subscribe("mqtt31/up");
            client.setTimeToWait(WAIT.toMillis());
            client.connect(options(MqttConnectOptions.MQTT_VERSION_3_1, null));
            client.publish("mqtt31/up", "hello".getBytes(StandardCharsets.UTF_8), 1, false);

            assertThat(subscriber.poll(WAIT)).extracting(TestMqttClient.Received::payload).isEqualTo("hello");
            client.disconnect(0);
        } finally {
            client.close(true);
        }
    }

    private static MqttConnectOptions options(int mqttVersion, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(mqttVersion);
        options.setConnectionTimeout((int) WAIT.toSeconds());
        options.setSocketFactory(new NoDelaySocketFactory());
        if (password != null) {
            options.setUserName("gw01");
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    @Test
    void authenticatorSeesClientIdUsernameAndPassword() throws Exception {
        String[] seen = new String[3];
        broker.setConnectAuthenticator((clientId, username, password) -> {
            seen[0] = clientId;
            seen[1] = username;
            seen[2] = password;
            return true;
        });
        try (TestMqttClient client = new TestMqttClient(broker.brokerUrl(), "cid-1", "user-1", "pw-1")) {
            assertThat(client.isConnected()).isTrue();
        }
        assertThat(seen).containsExactly("cid-1", "user-1", "pw-1");
    }

    @Test
    void restartKeepsThePortAndClientsCanConnectAgain() throws Exception {
        try (EmbeddedMqttBroker own = EmbeddedMqttBroker.start()) {
            int port = own.port();
            TestMqttClient before = new TestMqttClient(own.brokerUrl());
            own.restart();
            assertThat(own.port()).isEqualTo(port);
            assertThat(own.isRunning()).isTrue();
            Await.until("the old connection to drop", () -> !before.isConnected());
            before.close();

            try (TestMqttClient subscriber = new TestMqttClient(own.brokerUrl());
                 TestMqttClient publisher = new TestMqttClient(own.brokerUrl())) {
                subscriber.subscribe("after/restart");
                publisher.publish("after/restart", "back", 1);
                assertThat(subscriber.poll(WAIT)).extracting(TestMqttClient.Received::payload).isEqualTo("back");
            }

            own.stop();
            assertThat(own.isRunning()).isFalse();
            assertThatThrownBy(() -> new TestMqttClient(own.brokerUrl())).isInstanceOf(MqttException.class);
            own.restart();
            try (TestMqttClient again = new TestMqttClient(own.brokerUrl())) {
                assertThat(again.isConnected()).isTrue();
            }
        }
    }

    @Test
    void startsOnAGivenPortAndDeletesItsDirectoryOnClose() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dir;
        try (EmbeddedMqttBroker own = EmbeddedMqttBroker.start(port)) {
            dir = own.instanceDir();
            assertThat(own.port()).isEqualTo(port);
            assertThat(Files.isDirectory(dir)).isTrue();
            try (TestMqttClient client = new TestMqttClient("tcp://127.0.0.1:" + port)) {
                assertThat(client.isConnected()).isTrue();
            }
        }
        assertThat(dir).doesNotExist();
    }
}
