package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;

import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.UpdateStatusParas;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With reportStatusAfterReconnect, the children the gateway last reported ONLINE are reported ONLINE again after a
 * reconnect; those since reported OFFLINE or deleted are not.
 */
class StatusAfterReconnectTest extends HuaweiIotTestSupport {

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setReportStatusAfterReconnect(true);
        configuration.setMaxReconnectDelay(1000);
    }

    @Test
    void theChildrenLastReportedOnlineAreReportedOnlineAgainAfterAReconnect() throws Exception {
        List<String> children = deviceIds("back", 4);
        registerChildren(children);
        Exchange online = template.send("huaweiiot:updateSubDeviceStatus",
                e -> e.getMessage().setBody(children.stream().map(DeviceStatus::online).toList()));
        assertThat(online.getException()).isNull();
        Exchange offline = template.send("huaweiiot:updateSubDeviceStatus",
                e -> e.getMessage().setBody(new DeviceStatus(children.get(2), DeviceStatus.OFFLINE)));
        assertThat(offline.getException()).isNull();
        Exchange deleted = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children.get(3)));
        assertThat(deleted.getException()).isNull();
        long before = platform.requestCount(EventType.SUB_DEVICE_UPDATE_STATUS);

        broker().restart();

        try (MqttWire wire = new MqttWire(brokerUrl()).record(platform.topics().eventsUp())) {
            await("the ONLINE children reported again", Duration.ofSeconds(20),
                    () -> platform.requestCount(EventType.SUB_DEVICE_UPDATE_STATUS) == before + 1);
            await("the re-report on the wire", Duration.ofSeconds(5), () -> !wire.received().isEmpty());
            List<DeviceStatus> reported = IotdaJson.convert(wire.received().get(0).services().get(0).paras(),
                    UpdateStatusParas.class).deviceStatuses();
            assertThat(reported).containsExactly(DeviceStatus.online(children.get(0)),
                    DeviceStatus.online(children.get(1)));
        }
        assertThat(platform.childStatus(children.get(2))).isEqualTo(DeviceStatus.OFFLINE);
    }
}
