package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;

import io.github.camel.iotgateway.mqtt.client.ConnectIdentity;
import io.github.camel.iotgateway.mqtt.client.MqttClientSettings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet whose connections all drop at once (a broker restart) comes back without a thundering herd: each gateway
 * waits its own jittered back-off, and no more gateways connect at the same moment than the component's control
 * threads ({@code maxParallelConnects}). Scripted MQTT clients, so the connect's duration and the concurrency are the
 * test's to see.
 */
class ReconnectHerdTest {

    private static final int GATEWAYS = 30;
    private static final int PARALLEL_CONNECTS = 4;
    private static final long CONNECT_MILLIS = 40;

    private DefaultCamelContext context;
    private GatewayExecutors executors;
    private final List<GatewayConnection> connections = new ArrayList<>();
    private final AtomicInteger connectingNow = new AtomicInteger();
    private final LongAccumulator mostAtOnce = new LongAccumulator(Math::max, 0);
    private final List<Long> connectStartsNanos = new CopyOnWriteArrayList<>();
    private final ScriptedMqttClient.Factory factory = new ScriptedMqttClient.Factory().onSubscribe(() -> {
        // a connect's duration, seen from inside it: what a slow broker's CONNACK and SUBACK take
        connectStartsNanos.add(System.nanoTime());
        mostAtOnce.accumulate(connectingNow.incrementAndGet());
        try {
            Thread.sleep(CONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connectingNow.decrementAndGet();
        }
    });

    @BeforeEach
    void startFleet() {
        context = new DefaultCamelContext();
        context.start();
        executors = GatewayExecutors.start(context, this, "herd", 2, PARALLEL_CONNECTS, 1000);
        for (int i = 0; i < GATEWAYS; i++) {
            GatewayConnection connection = new GatewayConnection(context,
                    new GatewayConnectionOptions(new MqttClientSettings("tcp://127.0.0.1:1883", null, 60, 2, 1000),
                            "gw-" + i, () -> new ConnectIdentity("u", "p"), factory, 5000, 2, 100, 100)
                            .withExecutors(executors),
                    new GatewayConnectionUnitTest.ScriptedProtocol());
            connection.start();
            connections.add(connection);
        }
        assertThat(connections).allMatch(GatewayConnection::isReady);
    }

    @AfterEach
    void stopFleet() {
        connections.forEach(GatewayConnection::stop);
        executors.stop();
        context.stop();
    }

    @Test
    void aFleetThatDropsAtOnceReconnectsSpreadOutAndAtMostMaxParallelConnectsAtATime() {
        connectStartsNanos.clear();
        mostAtOnce.reset();
        long dropped = System.nanoTime();
        factory.created.forEach(client -> client.loseConnection(new java.io.EOFException("broker restart")));

        await().atMost(15, TimeUnit.SECONDS).until(() -> connections.stream().allMatch(GatewayConnection::isReady));

        assertThat(connectStartsNanos).as("reconnects").hasSize(GATEWAYS);
        assertThat(mostAtOnce.get()).as("gateways connecting at the same moment").isBetween(1L,
                (long) PARALLEL_CONNECTS);
        long first = connectStartsNanos.stream().mapToLong(t -> t - dropped).min().orElseThrow();
        long last = connectStartsNanos.stream().mapToLong(t -> t - dropped).max().orElseThrow();
        assertThat(TimeUnit.NANOSECONDS.toMillis(first)).as("the first reconnect waits the back-off")
                .isGreaterThanOrEqualTo(ReconnectBackoff.FIRST_DELAY_MILLIS);
        // 30 connects of 40 ms, 4 at a time, take at least 300 ms even if every back-off ended together
        assertThat(TimeUnit.NANOSECONDS.toMillis(last - first)).as("reconnects spread over")
                .isGreaterThanOrEqualTo(GATEWAYS / PARALLEL_CONNECTS * CONNECT_MILLIS);
        assertThat(connections).allSatisfy(c -> assertThat(c.reconnects()).isEqualTo(1));
    }
}
