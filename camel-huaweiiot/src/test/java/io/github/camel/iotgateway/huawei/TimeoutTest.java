package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;

import io.github.camel.iotgateway.huawei.error.HuaweiIotTimeoutException;
import io.github.camel.iotgateway.protocol.iotda.DeleteSubDeviceResponseParas;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A silent platform: typed timeouts naming the event_id and the devices; a late answer is dropped. */
class TimeoutTest extends HuaweiIotTestSupport {

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(400);
    }

    @Test
    void aSingleDeleteTimesOutWithItsEventIdAndDeviceAndALateResponseIsDropped() throws Exception {
        String child = deviceIds("silent", 1).get(0);
        registerChildren(List.of(child));
        platform.setSilent(true);

        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(child));

        assertThat(done.getException()).isInstanceOf(HuaweiIotTimeoutException.class)
                .isInstanceOf(ExchangeTimedOutException.class);
        HuaweiIotTimeoutException timeout = (HuaweiIotTimeoutException) done.getException();
        assertThat(timeout.getEventId()).hasSize(36);
        assertThat(timeout.getDevices()).containsExactly(child);
        assertThat(timeout.getTimeout()).isEqualTo(400);

        try (MqttWire wire = new MqttWire(brokerUrl())) {
            long unmatchedBefore = connection().pendingReplies().repliesUnmatched();
            wire.publish(platform.topics().eventsDown(), new String(IotdaJson.downEvent(gatewayDeviceId,
                    EventType.DELETE_SUB_DEVICE_RESPONSE, timeout.getEventId(), EventTime.now(java.time.Clock.systemUTC()),
                    new DeleteSubDeviceResponseParas(List.of(child), List.of()))));
            await("the late response dropped", Duration.ofSeconds(5),
                    () -> unmatched() == unmatchedBefore + 1);
        }
    }

    @Test
    void aListTimesOutWithTheDevicesOfTheUnansweredRequest() {
        List<String> children = deviceIds("silent-list", 60);
        platform.setSilent(true);

        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children));

        assertThat(done.getException()).isInstanceOf(HuaweiIotTimeoutException.class);
        HuaweiIotTimeoutException timeout = (HuaweiIotTimeoutException) done.getException();
        assertThat(timeout.getDevices()).isIn(children.subList(0, 50), children.subList(50, 60));
        assertThat(done.getMessage().getBody(SubDeviceOperationResult.class).successful()).isEmpty();
    }

    private long unmatched() {
        try {
            return connection().pendingReplies().repliesUnmatched();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
