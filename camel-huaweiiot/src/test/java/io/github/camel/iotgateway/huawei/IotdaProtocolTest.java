package io.github.camel.iotgateway.huawei;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the core is told about each message on events/down: a response by its event_id, anything else a notice. */
class IotdaProtocolTest {

    private static final String GW = "6650a1b2c3d4e5f6a7b8c9d0_gw01";
    private final IotdaTopics topics = new IotdaTopics(GW);
    private final IotdaProtocol protocol = new IotdaProtocol(topics);

    @Test
    void subscribesToEventsDownAtQosOne() {
        assertThat(protocol.subscriptions()).containsExactly("$oc/devices/" + GW + "/sys/events/down");
        assertThat(protocol.subscriptionQos()).isEqualTo(1);
    }

    @Test
    void aResponseIsCorrelatedByItsEventId() {
        InboundMessage message = decode("""
                {"object_device_id":"%s","services":[{"service_id":"$sub_device_manager",
                 "event_type":"delete_sub_device_response","event_time":"20240518T094501Z",
                 "event_id":"5b0c3c1e-8f0e-4a4e-9f7a-2c6b1d9e0a11",
                 "paras":{"successful_devices":["a"],"failed_devices":[]}}]}""".formatted(GW));

        assertThat(message.correlationKey()).isEqualTo("5b0c3c1e-8f0e-4a4e-9f7a-2c6b1d9e0a11");
        assertThat(message.body()).isInstanceOf(ServiceEvent.class);
    }

    @Test
    void noticesUnknownTypesAndResponsesWithoutEventIdAreNotices() {
        for (String service : new String[] {
                "{\"event_type\":\"add_sub_device_notify\",\"event_id\":\"x\",\"paras\":{\"version\":1}}",
                "{\"event_type\":\"some_future_event\",\"event_id\":\"y\",\"paras\":{}}",
                "{\"event_type\":\"delete_sub_device_response\",\"paras\":{}}" }) {
            InboundMessage message = decode("{\"services\":[" + service + "]}");
            assertThat(message.correlationKey()).as(service).isNull();
            assertThat(message.body()).isInstanceOf(IotdaMessage.class);
        }
    }

    @Test
    void aMessageBundlingAResponseWithANoticeYieldsBothEachOnItsOwn() {
        List<InboundMessage> messages = protocol.decode(topics.eventsDown(), """
                {"object_device_id":"gw","services":[{"event_type":"add_sub_device_notify","paras":{}},
                             {"event_type":"add_sub_device_response","event_id":"e-1","paras":{}}]}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).correlationKey()).isNull();
        IotdaMessage notice = (IotdaMessage) messages.get(0).body();
        assertThat(notice.objectDeviceId()).isEqualTo("gw");
        assertThat(notice.services()).extracting(ServiceEvent::eventType).containsExactly("add_sub_device_notify");
        assertThat(messages.get(1).correlationKey()).isEqualTo("e-1");
        assertThat(messages.get(1).body()).isInstanceOf(ServiceEvent.class);
    }

    @Test
    void aMessageOnAnotherTopicOrNotJsonIsMalformed() {
        assertThatThrownBy(() -> protocol.decode(topics.eventsUp(), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decode("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A message of one service, decoded. */
    private InboundMessage decode(String json) {
        List<InboundMessage> messages = protocol.decode(topics.eventsDown(), json.getBytes(StandardCharsets.UTF_8));
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
