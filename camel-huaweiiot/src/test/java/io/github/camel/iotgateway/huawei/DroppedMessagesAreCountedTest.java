package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives on events/down that answers no request is dropped, and a counter of the gateway's connection says
 * so: malformed messages, responses nobody waits for, notices nobody takes. Nothing vanishes without a trace.
 */
class DroppedMessagesAreCountedTest extends HuaweiIotTestSupport {

    private GatewayConnection gateway;

    @BeforeEach
    void gatewayConnected() throws Exception {
        // any producer endpoint starts the gateway's connection
        String child = deviceIds("warm", 1).get(0);
        registerChildren(List.of(child));
        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(child));
        assertThat(done.getException()).isNull();
        gateway = connection();
    }

    @Test
    void aMessageThatIsNotJsonIsCountedAsMalformed() throws Exception {
        assertCountedBy(gateway::malformedMessages, "{\"object_device_id\":\"x\",\"services\":[{\"event_id\":");
    }

    @Test
    void aMessageThatIsAJsonArrayIsCountedAsMalformed() throws Exception {
        assertCountedBy(gateway::malformedMessages, "[\"" + EventIds.next() + "\",200]");
    }

    @Test
    void aResponseToAnEventIdNobodySentIsCountedAsUnmatched() throws Exception {
        assertCountedBy(() -> gateway.pendingReplies().repliesUnmatched(),
                new String(IotdaJson.downEvent(gatewayDeviceId, EventType.DELETE_SUB_DEVICE_RESPONSE, EventIds.next(),
                        EventTime.now(Clock.systemUTC()), new DeleteSubDeviceResponseParas(List.of("x"), List.of()))));
    }

    @Test
    void aMessageWhoseServicesIsNotAnArrayIsCountedAsMalformed() throws Exception {
        assertCountedBy(gateway::malformedMessages, "{\"object_device_id\":\"" + gatewayDeviceId + "\",\"services\":"
                + "{\"service_id\":\"$sub_device_manager\",\"event_type\":\"delete_sub_device_response\",\"event_id\":\""
                + EventIds.next() + "\",\"paras\":{}}}");
    }

    @Test
    void aResponseWithAnUnreadableEventIdIsCountedAsAnUnclaimedNoticeWhenNoEventsRouteTakesIt() throws Exception {
        assertCountedBy(gateway::unclaimedNotices, "{\"object_device_id\":\"" + gatewayDeviceId + "\",\"services\":"
                + "[{\"service_id\":\"$sub_device_manager\",\"event_type\":\"delete_sub_device_response\","
                + "\"event_id\":{\"id\":\"" + EventIds.next() + "\"},\"paras\":{}}]}");
    }

    private void assertCountedBy(LongSupplier counter, String payload) throws Exception {
        long before = counter.getAsLong();
        try (MqttWire wire = new MqttWire(brokerUrl())) {
            wire.publish(platform.topics().eventsDown(), payload);
        }
        await("the message counted", Duration.ofSeconds(3), () -> counter.getAsLong() == before + 1);
    }
}
