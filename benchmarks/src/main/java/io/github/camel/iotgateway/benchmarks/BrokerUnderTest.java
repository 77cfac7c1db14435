package io.github.camel.iotgateway.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;

/** A broker the benchmarks run against: the embedded Artemis they start, or the Mosquitto on 127.0.0.1:1883. */
final class BrokerUnderTest implements AutoCloseable {

    static final String MOSQUITTO_HOST = "127.0.0.1";
    static final int MOSQUITTO_PORT = 1883;

    private final String key;
    private final String title;
    private final String url;
    private final EmbeddedMqttBroker embedded;

    private BrokerUnderTest(String key, String title, String url, EmbeddedMqttBroker embedded) {
        this.key = key;
        this.title = title;
        this.url = url;
        this.embedded = embedded;
    }

    /** Starts embedded Artemis on a free port of 127.0.0.1. */
    static BrokerUnderTest embeddedArtemis() {
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start();
        return new BrokerUnderTest("artemis", "Embedded ActiveMQ Artemis " + VersionLoader.getVersion().getFullVersion()
                                              + " (in the benchmark JVM, sharing its cores)",
                broker.brokerUrl(), broker);
    }

    /** The Mosquitto on 127.0.0.1:1883 when one answers there; empty otherwise. */
    static Optional<BrokerUnderTest> mosquitto() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(MOSQUITTO_HOST, MOSQUITTO_PORT), 1000);
        } catch (IOException unreachable) {
            return Optional.empty();
        }
        String url = "tcp://" + MOSQUITTO_HOST + ":" + MOSQUITTO_PORT;
        return Optional.of(new BrokerUnderTest("mosquitto", "Mosquitto " + mosquittoVersion(url)
                                                            + " at " + MOSQUITTO_HOST + ":" + MOSQUITTO_PORT
                                                            + " (a separate process)", url, null));
    }

    /** What Mosquitto says in {@code $SYS/broker/version}, or "(version unknown)". */
    private static String mosquittoVersion(String url) {
        MqttAsyncClient client = null;
        try {
            client = RawPaho.client(url, "bench-version-probe-" + System.nanoTime());
            RawPaho.connect(client);
            CompletableFuture<String> version = new CompletableFuture<>();
            client.subscribe("$SYS/broker/version", 0,
                    (topic, message) -> version.complete(new String(message.getPayload(), StandardCharsets.UTF_8)))
                    .waitForCompletion(2000);
            return version.get(2, TimeUnit.SECONDS).replaceFirst("^mosquitto version ", "");
        } catch (Exception e) {
            return "(version unknown)";
        } finally {
            if (client != null) {
                RawPaho.close(client);
            }
        }
    }

    /** A short name for {@code --only}. */
    String key() {
        return key;
    }

    String title() {
        return title;
    }

    String url() {
        return url;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
