package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform talks first: alink-session:events delivers what it pushes, in order, with typed headers, and the
 * gateway follows it: a sub-device forced offline or whose topology was deleted is no longer held online, so it does
 * not count against the cap and is never logged in again after a reconnect; a topology change is answered.
 */
class PlatformEventsTest extends AlinkTestSupport {

    private static final String SECRET = "subSecretExample0001";

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setMaxReconnectDelay(1000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("alink-session:events").routeId("events").to("mock:events");
            }
        };
    }

    private AlinkSessionClient client() {
        return context.getComponent("alink-session", AlinkSessionComponent.class).gatewayClients().get(0);
    }

    private void logIn(List<SubDeviceId> devices) {
        devices.forEach(d -> platform.registerSubDevice(d.productKey(), d.deviceName(), SECRET));
        List<SubDevice> bodies = devices.stream()
                .map(d -> SubDevice.withSecret(d.productKey(), d.deviceName(), SECRET)).toList();
        Exchange done = template.send("alink-session:batchLogin", e -> e.getMessage().setBody(bodies));
        assertThat(done.getException()).isNull();
    }

    @Test
    void aSubDeviceForcedOfflineIsAnEventAndNoLongerHeldOnline() throws Exception {
        SubDeviceId device = new SubDeviceId(SUB_PK, "deleted-1");
        logIn(List.of(device));
        assertThat(client().online().isOnline(device)).isTrue();
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        String pushId = platform.pushError(521, SUB_PK, "deleted-1");

        events.assertIsSatisfied(5000);
        Exchange event = events.getExchanges().get(0);
        assertThat(event.getMessage().getHeader(AlinkSessionConstants.EVENT_KIND)).isEqualTo("FORCED_OFFLINE");
        assertThat(event.getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(521);
        assertThat(event.getMessage().getHeader(AlinkSessionConstants.MESSAGE, String.class)).contains("deleted");
        assertThat(event.getMessage().getHeader(AlinkSessionConstants.EVENT_ID)).isEqualTo(pushId);
        assertThat(event.getMessage().getBody(List.class)).containsExactly(device);
        assertThat(client().online().isOnline(device)).as("no longer held online").isFalse();
        assertThat(client().online().onlineCount()).isZero();
    }

    @Test
    void aTopologyChangeIsAnEventAndIsAnsweredWithItsChangeReply() throws Exception {
        List<SubDeviceId> devices = List.of(new SubDeviceId(SUB_PK, "topo-1"), new SubDeviceId(SUB_PK, "topo-2"));
        logIn(devices);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        String pushId = platform.pushTopologyChange(1, devices);

        events.assertIsSatisfied(5000);
        Exchange event = events.getExchanges().get(0);
        assertThat(event.getMessage().getHeader(AlinkSessionConstants.EVENT_KIND)).isEqualTo("TOPOLOGY_DELETED");
        assertThat(event.getMessage().getHeader(AlinkSessionConstants.TOPOLOGY_STATUS)).isEqualTo(1);
        assertThat(event.getMessage().getBody(List.class)).containsExactlyElementsOf(devices);
        await().atMost(5, TimeUnit.SECONDS).until(() -> platform.topologyChangeReplies().contains(pushId));
        assertThat(devices).noneMatch(d -> client().online().isOnline(d));
    }

    @Test
    void twentyKickedOutThenABrokerRestartNoneOfThemIsLoggedInAgainTheOtherEightyAre() throws Exception {
        List<SubDeviceId> all = devices("fleet", 100);
        logIn(all);
        List<SubDeviceId> kicked = all.subList(0, 20);
        List<SubDeviceId> kept = all.subList(20, 100);
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(20);
        int[] codes = { 427, 521, 522, 6401 };
        for (int i = 0; i < kicked.size(); i++) {
            platform.pushError(codes[i % codes.length], kicked.get(i).productKey(), kicked.get(i).deviceName());
        }
        events.assertIsSatisfied(10_000);
        List<Object> seen = new ArrayList<>();
        events.getExchanges().forEach(e -> seen.addAll(e.getMessage().getBody(List.class)));
        assertThat(seen).as("all 20 events, in order").containsExactlyElementsOf(kicked);
        await().atMost(5, TimeUnit.SECONDS).until(() -> client().online().onlineCount() == 80);

        long batchLoginsBefore = platform.requestCount(SessionOperation.BATCH_LOGIN);

        embeddedBroker().restart();

        await().atMost(30, TimeUnit.SECONDS).until(() -> client().relogin().loggedInAgain() == 80);
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGIN) - batchLoginsBefore)
                .as("the 80 in batches of 50 and 30").isEqualTo(2);
        assertThat(kept).allMatch(d -> platform.isOnline(d.productKey(), d.deviceName()));
        assertThat(kicked).as("none of the kicked logged in again")
                .noneMatch(d -> platform.isOnline(d.productKey(), d.deviceName()));
        assertThat(client().relogin().refused()).isZero();
    }
}
