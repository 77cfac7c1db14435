package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** huaweiiot:events gets what the platform sends that answers no request of ours, and nothing else. */
class EventsConsumerTest extends HuaweiIotTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:events").routeId("events").to("mock:events");
            }
        };
    }

    @Test
    void platformNoticesReachTheRouteWithTheirParasAndHeaders() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        String added = PRODUCT_ID + "_sensor-1";

        platform.sendAddNotice(7, List.of(new AddedDevice(gatewayDeviceId, "sensor-1", added, null, null, null, null,
                PRODUCT_ID, null, null, AddedDevice.STATUS_INACTIVE, null)));
        platform.sendDeleteNotice(8, List.of(added));

        events.assertIsSatisfied(5000);
        // notices reach the route in the order the platform sent them
        assertThat(events.getExchanges()).extracting(e -> e.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE))
                .containsExactly("add_sub_device_notify", "delete_sub_device_notify");
        Exchange add = byType(events, "add_sub_device_notify");
        assertThat(add.getMessage().getHeader(HuaweiIotConstants.VERSION)).isEqualTo(7L);
        assertThat(add.getMessage().getHeader(HuaweiIotConstants.OBJECT_DEVICE_ID)).isEqualTo(gatewayDeviceId);
        assertThat(add.getMessage().getHeader(HuaweiIotConstants.SERVICE_ID)).isEqualTo("$sub_device_manager");
        assertThat(add.getMessage().getHeader(HuaweiIotConstants.EVENT_ID, String.class)).hasSize(36);
        assertThat(add.getMessage().getHeader(HuaweiIotConstants.EVENT_TIME, String.class)).hasSize(16);
        assertThat(add.getMessage().getBody(JsonNode.class).at("/devices/0/device_id").asText()).isEqualTo(added);
        Exchange delete = byType(events, "delete_sub_device_notify");
        assertThat(delete.getMessage().getHeader(HuaweiIotConstants.VERSION)).isEqualTo(8L);
        assertThat(delete.getMessage().getBody(JsonNode.class).at("/devices/0/device_id").asText()).isEqualTo(added);
    }

    private static Exchange byType(MockEndpoint events, String eventType) {
        return events.getExchanges().stream()
                .filter(e -> eventType.equals(e.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + eventType + " event"));
    }

    @Test
    void aNoticeArrivingWhileARequestWaitsGoesToTheRouteAndABundledResponseToTheRequest() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        String child = deviceIds("waiting", 1).get(0);
        platform.setSilent(true);
        try (MqttWire wire = new MqttWire(brokerUrl()).record(platform.topics().eventsUp())) {
            CompletableFuture<Exchange> pending = template.asyncSend("huaweiiot:deleteSubDevice?batching=false",
                    e -> e.getMessage().setBody(child));
            await("the delete request on the wire", Duration.ofSeconds(5), () -> wire.received().size() == 1);
            String eventId = wire.received().get(0).services().get(0).eventId();

            events.expectedMessageCount(1);
            platform.sendDeleteNotice(9, List.of(child));
            events.assertIsSatisfied(5000);
            assertThat(pending).isNotDone();

            // one message carrying a notice and the response: the response is matched, the notice delivered
            events.reset();
            events.expectedMessageCount(1);
            wire.publish(platform.topics().eventsDown(), bundled(eventId, child));
            Exchange done = pending.get(5, TimeUnit.SECONDS);
            events.assertIsSatisfied(5000);

            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody()).isEqualTo(child);
            assertThat(done.getMessage().getHeader(HuaweiIotConstants.EVENT_ID)).isEqualTo(eventId);
            assertThat(events.getExchanges().get(0).getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE))
                    .isEqualTo("add_sub_device_notify");
        }
    }

    @Test
    void responsesNobodyWaitsForNeverReachTheRoute() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(0);
        List<String> children = deviceIds("ghosted", 5);
        registerChildren(children);
        platform.setUnsolicitedReplies(true);

        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children));

        assertThat(done.getException()).isNull();
        await("the unsolicited response dropped", Duration.ofSeconds(5),
                () -> uncheckedConnection().pendingReplies().repliesUnmatched() >= 1);
        events.assertIsSatisfied(300);
    }

    private io.github.camel.iotgateway.mqtt.GatewayConnection uncheckedConnection() {
        try {
            return connection();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String bundled(String eventId, String deletedChild) {
        ObjectNode root = IotdaJson.mapper().createObjectNode();
        root.put("object_device_id", gatewayDeviceId);
        ObjectNode notice = root.putArray("services").addObject();
        notice.put("service_id", "$sub_device_manager");
        notice.put("event_type", "add_sub_device_notify");
        notice.put("event_time", EventTime.now(java.time.Clock.systemUTC()));
        notice.putObject("paras").put("version", 10).putArray("devices");
        ObjectNode response = root.withArray("services").addObject();
        response.put("service_id", "$sub_device_manager");
        response.put("event_type", "delete_sub_device_response");
        response.put("event_id", eventId);
        ObjectNode paras = response.putObject("paras");
        paras.putArray("successful_devices").add(deletedChild);
        paras.putArray("failed_devices");
        return root.toString();
    }
}
