package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With checkTimestamp the platform accepts a CONNECT only when the hour stamp in its clientId and password is the hour
 * of connecting. The identity is computed for each connect, so a reconnect in a later hour is accepted; the gateway's
 * name (and its health check) does not change with the hour.
 */
class FreshConnectIdentityTest extends HuaweiIotTestSupport {

    private static final String SECRET = "examplePassw0rd";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-04-14T10:59:30Z"));
    private final List<String> acceptedClientIds = new CopyOnWriteArrayList<>();

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setGatewayDeviceSecret(SECRET);
        configuration.setCheckTimestamp(true);
        configuration.setMaxReconnectDelay(1000);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // the platform's rule: the signed hour must be the hour now (the test's clock)
        broker().setConnectAuthenticator((clientId, username, password) -> clientId.startsWith("iotda-platform-sim-")
                || IotdaConnectCredentials.verify(clientId, username, password, gatewayDeviceId, SECRET)
                   && clientId.endsWith("_0_1_" + HOUR.format(clock.instant()))
                   && acceptedClientIds.add(clientId));
        CamelContext camel = super.createCamelContext();
        camel.getComponent("huaweiiot", HuaweiIotComponent.class).useClock(clock);
        return camel;
    }

    @AfterEach
    void acceptEveryClientAgain() {
        broker().setConnectAuthenticator(null);
    }

    @Test
    void aReconnectInALaterHourSignsThatHourAndIsAccepted() throws Exception {
        List<String> children = deviceIds("hour", 2);
        registerChildren(children);
        Exchange first = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children.get(0)));
        assertThat(first.getException()).isNull();
        String healthName = connection().displayName();

        clock.move(Duration.ofMinutes(2));
        broker().restart();
        io.github.camel.iotgateway.mqtt.GatewayConnection connection = connection();
        // the platform's side reconnects on its own schedule: a request sent before it is back gets no answer
        await("a reconnect signed for 11:00, and the platform back", Duration.ofSeconds(20),
                () -> connection.reconnects() == 1 && connection.isReady() && platform.isConnected());

        Exchange second = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children.get(1)));
        assertThat(second.getException()).isNull();
        assertThat(acceptedClientIds).containsSubsequence(gatewayDeviceId + "_0_1_2025041410",
                gatewayDeviceId + "_0_1_2025041411");
        assertThat(connection().getClientId()).isEqualTo(gatewayDeviceId + "_0_1_2025041411");
        assertThat(connection().displayName()).as("the gateway's name, and so its health check, stays")
                .isEqualTo(healthName).isEqualTo(gatewayDeviceId);
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void move(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
