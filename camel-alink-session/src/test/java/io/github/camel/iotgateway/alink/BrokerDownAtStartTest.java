package io.github.camel.iotgateway.alink;

import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.mqtt.GatewayNotConnectedException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker is down when the CamelContext starts: the routes start anyway, requests fail at once with a typed error
 * (nothing waits for a broker that is not there), and they succeed once the broker is up, without a restart.
 */
class BrokerDownAtStartTest extends CamelTestSupport {

    private final int port = freePort();

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        component.getConfiguration().setBrokerUrl("tcp://127.0.0.1:" + port);
        component.getConfiguration().setGatewayProductKey("a1GwLate001");
        component.getConfiguration().setGatewayDeviceName("gw-late");
        component.getConfiguration().setConnectionTimeout(1);
        component.getConfiguration().setMaxReconnectDelay(1000);
        camel.addComponent("alink-session", component);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:offline").to("alink-session:logout");
                from("direct:online").to("alink-session:login");
            }
        };
    }

    @Test
    void routesStartRequestsFailFastThenSucceedOnceTheBrokerIsUp() throws Exception {
        assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                .isTrue();
        long start = System.nanoTime();
        Exchange early = template.send("direct:offline", e -> e.getMessage().setBody(new SubDeviceId("a1SubPk0001", "late-01")));
        assertThat(early.getException()).isInstanceOf(GatewayNotConnectedException.class)
                .hasMessageContaining("not connected");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("fails fast, no timeout").isLessThan(1000);

        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(port);
             AlinkPlatformSimulator platform = AlinkPlatformSimulator.start(broker.brokerUrl(), "a1GwLate001", "gw-late")) {
            platform.setOnline("a1SubPk0001", "late-02");
            await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> {
                Exchange later = template.send("direct:offline",
                        e -> e.getMessage().setBody(new SubDeviceId("a1SubPk0001", "late-02")));
                assertThat(later.getException()).isNull();
            });
            assertThat(platform.isOnline("a1SubPk0001", "late-02")).isFalse();
        }
    }

    @Test
    void loginsThatCouldNotBePublishedDoNotSpendTheSubDevicesPerMinuteBudget() throws Exception {
        SubDevice device = SubDevice.withSecret("a1SubPk0001", "late-budget", "secret-late-budget");
        for (int i = 0; i < 8; i++) {
            Exchange refused = template.send("direct:online", e -> e.getMessage().setBody(device));
            assertThat(refused.getException()).as("attempt " + i).isInstanceOf(GatewayNotConnectedException.class);
        }

        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(port);
             AlinkPlatformSimulator platform = AlinkPlatformSimulator.start(broker.brokerUrl(), "a1GwLate001", "gw-late")) {
            platform.registerSubDevice("a1SubPk0001", "late-budget", "secret-late-budget");
            await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> {
                Exchange later = template.send("direct:online", e -> e.getMessage().setBody(device));
                assertThat(later.getException()).isNull();
            });
            assertThat(platform.isOnline("a1SubPk0001", "late-budget")).isTrue();
        }
    }
}
