package io.github.camel.iotgateway.huawei;

import java.nio.charset.StandardCharsets;

import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resync and the events consumer read a notice's version alike, whether the platform sends a number or text. */
class ChildListVersionTest {

    private static InboundMessage deleteNotice(String version) {
        String json = "{\"object_device_id\":\"gw\",\"services\":[{\"service_id\":\"$sub_device_manager\","
                      + "\"event_type\":\"delete_sub_device_notify\",\"event_time\":\"20250414T010203Z\","
                      + "\"paras\":{\"version\":" + version + ",\"devices\":[]}}]}";
        return new InboundMessage("$oc/devices/gw/sys/events/down", null,
                IotdaJson.readMessage(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theResyncRemembersAVersionSentAsTextLikeOneSentAsANumber() {
        ChildListSync sync = new ChildListSync(null, new IotdaTopics("gw"), 1, new MemoryStateRepository());

        sync.versionTracker.accept(deleteNotice("\"42\""));
        assertThat(sync.lastVersion()).isEqualTo(42L);

        sync.versionTracker.accept(deleteNotice("43"));
        assertThat(sync.lastVersion()).isEqualTo(43L);

        sync.versionTracker.accept(deleteNotice("\"not a number\""));
        assertThat(sync.lastVersion()).isEqualTo(43L);
    }
}
