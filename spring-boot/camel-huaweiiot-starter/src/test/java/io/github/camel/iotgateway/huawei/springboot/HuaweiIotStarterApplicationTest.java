package io.github.camel.iotgateway.huawei.springboot;

import java.time.Duration;
import java.util.List;

import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotConstants;
import io.github.camel.iotgateway.huawei.SubDeviceOperationResult;
import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import io.github.camel.iotgateway.huawei.springboot.gateway.ChildDeviceRoutes;
import io.github.camel.iotgateway.huawei.springboot.gateway.GatewayApplication;
import io.github.camel.iotgateway.protocol.iotda.AddedDevice;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import io.github.camel.iotgateway.simulator.IotdaSimulatorCodes;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static io.github.camel.iotgateway.huawei.springboot.EmbeddedHuaweiCloud.PRODUCT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with the starter and nothing else Camel-specific: the gateway comes from
 * application.properties (the README's snippet), the routes name only {@code huaweiiot:addSubDevice} and
 * {@code huaweiiot:deleteSubDevice}, and child devices are added to and deleted from the platform simulator through
 * them.
 */
@SpringBootTest(classes = GatewayApplication.class)
@Import(EmbeddedHuaweiCloud.class)
@DirtiesContext // the context stops with the class, before its broker goes
class HuaweiIotStarterApplicationTest {

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private IotdaPlatformSimulator platform;
    @Autowired
    private EmbeddedHuaweiCloud cloud;

    @AfterEach
    void platformSawNoProtocolViolation() {
        assertThat(platform.violations()).as("protocol violations seen by the platform").isEmpty();
    }

    @Test
    void childDevicesAreDeletedThroughTheRouteOnTheGatewayOfApplicationProperties() {
        List<String> children = List.of(PRODUCT_ID + "_spring-meter-01", PRODUCT_ID + "_spring-meter-02",
                PRODUCT_ID + "_spring-meter-03");
        children.forEach(platform::registerChild);

        Exchange one = template.send(ChildDeviceRoutes.DECOMMISSION, e -> e.getMessage().setBody(children.get(0)));
        Exchange list = template.send(ChildDeviceRoutes.DECOMMISSION, e -> e.getMessage().setBody(children.subList(1, 3)));

        assertThat(one.getException()).isNull();
        assertThat(one.getMessage().getBody()).isEqualTo(children.get(0));
        assertThat(one.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("delete_sub_device_response");
        assertThat(list.getException()).isNull();
        SubDeviceOperationResult<?> result = list.getMessage().getBody(SubDeviceOperationResult.class);
        assertThat(result.successful()).isEqualTo(children.subList(1, 3));
        assertThat(result.failed()).isEmpty();
        assertThat(platform.children()).doesNotContainAnyElementsOf(children);
    }

    @Test
    void aDeleteOfADeviceThatIsNoChildEndsWithThePlatformsRefusal() {
        String stranger = PRODUCT_ID + "_spring-stranger";

        Exchange done = template.send(ChildDeviceRoutes.DECOMMISSION, e -> e.getMessage().setBody(stranger));

        assertThat(done.getException()).isInstanceOf(HuaweiSubDeviceFailedException.class);
        HuaweiSubDeviceFailedException failed = (HuaweiSubDeviceFailedException) done.getException();
        assertThat(failed.getDeviceId()).isEqualTo(stranger);
        assertThat(failed.getErrorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_NOT_FOUND);
    }

    @Test
    void aChildDeviceIsAddedThroughTheRouteAndThePlatformGivesItsDeviceId() {
        Exchange done = template.send(ChildDeviceRoutes.COMMISSION,
                e -> e.getMessage().setBody(DeviceInfo.of("spring-meter-10", PRODUCT_ID)));

        assertThat(done.getException()).isNull();
        AddedDevice added = done.getMessage().getBody(AddedDevice.class);
        assertThat(added.deviceId()).isEqualTo(PRODUCT_ID + "_spring-meter-10");
        assertThat(added.parentDeviceId()).isEqualTo(EmbeddedHuaweiCloud.GATEWAY_DEVICE_ID);
        assertThat(platform.children()).contains(PRODUCT_ID + "_spring-meter-10");
    }

    @Test
    void theGatewayConnectedWithTheIdentitySignedFromTheSecretInApplicationPropertiesAndSynced() {
        HuaweiIotComponent component = camelContext.getComponent("huaweiiot", HuaweiIotComponent.class);

        // the broker let the gateway in only with the password signed from that secret (EmbeddedHuaweiCloud)
        assertThat(cloud.connectPasswords()).isNotEmpty();
        assertThat(component.getConfiguration().getGatewayDeviceSecret()).isEqualTo(EmbeddedHuaweiCloud.GATEWAY_SECRET);
        assertThat(component.getConfiguration().getGatewayDeviceId()).isEqualTo(EmbeddedHuaweiCloud.GATEWAY_DEVICE_ID);
        // syncOnConnect, on by default: the connect asked the platform for the child-device changes it missed
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.syncRequests() >= 1);
    }
}
