package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of gateways in one CamelContext runs on the component's fixed set of threads: a gateway adds the MQTT
 * client's own threads (Paho's receiver, sender and callback loops; its pings are timed for all clients at once) and
 * none of ours.
 */
class SharedThreadsTest extends AlinkTestSupport {

    private static final int FLEET = 12;
    private final List<AlinkPlatformSimulator> platforms = new ArrayList<>();

    /** The control pool is as large as maxParallelConnects (32 by default): small here, to tell it from the fleet. */
    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setMaxParallelConnects(2);
    }

    @AfterEach
    void closePlatforms() {
        platforms.forEach(AlinkPlatformSimulator::close);
    }

    private static Map<String, Long> liveThreadsByKind() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .map(SharedThreadsTest::kind).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /**
     * Paho's threads of the fleet's gateways (named "MQTT Rec: <clientId>", ...; the simulators have Paho clients of
     * their own); ours by pool name without the gateway.
     */
    private static String kind(String name) {
        if (name.startsWith("MQTT")) {
            return name.contains("a1Fleet") ? "paho" : "other";
        }
        int gateway = name.indexOf("Gateway");
        if (gateway >= 0) {
            int bracket = name.indexOf('[', gateway);
            return bracket < 0 ? name.substring(gateway) : name.substring(gateway, bracket);
        }
        return "other";
    }

    @Test
    void twelveGatewaysAddThreePahoThreadsEachAndNoneOfOurs() throws Exception {
        // one gateway first, so the component's shared threads exist before counting
        Exchange first = template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "first-001")));
        assertThat(first.getException()).isInstanceOf(io.github.camel.iotgateway.alink.error.AlinkNoSessionException.class);
        Map<String, Long> before = liveThreadsByKind();

        for (int i = 0; i < FLEET; i++) {
            String pk = "a1Fleet" + String.format("%05d", i);
            platforms.add(AlinkPlatformSimulator.start(brokerUrl(), pk, gatewayDeviceName));
            platforms.get(i).setOnline(SUB_PK, "fleet-001");
            String uri = "alink-session:logout?batching=false&gatewayProductKey=" + pk;
            Exchange done = template.send(uri, e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "fleet-001")));
            assertThat(done.getException()).as("gateway " + pk).isNull();
        }
        Map<String, Long> after = liveThreadsByKind();

        assertThat(context.getComponent("alink-session", AlinkSessionComponent.class).gatewayCount())
                .isEqualTo(FLEET + 1);
        long pahoAdded = after.getOrDefault("paho", 0L) - before.getOrDefault("paho", 0L);
        assertThat(pahoAdded).as("Paho threads per gateway, " + after).isLessThanOrEqualTo(3L * FLEET);
        for (String ours : Arrays.asList("GatewayReplies", "GatewayNotices", "GatewayControl",
                "GatewayTimeouts")) {
            // the shared pools may still grow to their fixed size (threads start on demand), never with the fleet
            long added = after.getOrDefault(ours, 0L) - before.getOrDefault(ours, 0L);
            assertThat(added).as(ours + " threads added by " + FLEET + " gateways: " + before + " -> " + after)
                    .isLessThanOrEqualTo(4L);
        }
    }
}
