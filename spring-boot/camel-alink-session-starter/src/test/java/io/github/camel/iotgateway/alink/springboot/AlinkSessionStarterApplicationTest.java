package io.github.camel.iotgateway.alink.springboot;

import java.util.List;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.alink.springboot.gateway.GatewayApplication;
import io.github.camel.iotgateway.alink.springboot.gateway.SubDeviceSessionRoutes;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter and nothing else Camel-specific: the gateway comes from
 * application.properties (the README's snippet), the routes name only {@code alink-session:login} and
 * {@code alink-session:logout}, and sub-devices go online and offline at the platform simulator through them.
 */
@SpringBootTest(classes = GatewayApplication.class)
@Import(EmbeddedAlinkCloud.class)
@DirtiesContext // the context stops with the class, before its broker goes
class AlinkSessionStarterApplicationTest {

    private static final String SUB_PK = "a1SubPk0001";

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private AlinkPlatformSimulator platform;
    @Autowired
    private EmbeddedAlinkCloud cloud;

    @AfterEach
    void platformSawNoProtocolViolation() {
        assertThat(platform.violations()).as("protocol violations seen by the platform").isEmpty();
    }

    @Test
    void subDevicesLogInAndOutThroughTheRoutesOnTheGatewayOfApplicationProperties() {
        List<SubDevice> devices = IntStream.rangeClosed(1, 3).mapToObj(i -> SubDevice.withSecret(SUB_PK,
                "spring-sub-0" + i, "subSecretSpring0" + i)).toList();
        devices.forEach(d -> platform.registerSubDevice(d.productKey(), d.deviceName(), d.deviceSecret()));

        for (SubDevice device : devices) {
            Exchange online = template.send(SubDeviceSessionRoutes.ONLINE, e -> e.getMessage().setBody(device));
            assertThat(online.getException()).as("login of %s", device).isNull();
            assertThat(online.getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200);
        }
        assertThat(platform.onlineSubDevices()).containsExactlyInAnyOrderElementsOf(
                devices.stream().map(SubDevice::id).toList());
        assertThat(platform.requestCount(SessionOperation.LOGIN)).isEqualTo(3);

        for (SubDevice device : devices) {
            Exchange offline = template.send(SubDeviceSessionRoutes.OFFLINE, e -> e.getMessage().setBody(device.id()));
            assertThat(offline.getException()).as("logout of %s", device).isNull();
            assertThat(offline.getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200);
        }
        assertThat(platform.onlineCount()).isZero();
    }

    @Test
    void aLogoutOfASubDeviceWithNoSessionEndsWithThePlatformsRefusal() {
        Exchange offline = template.send(SubDeviceSessionRoutes.OFFLINE,
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "spring-never-online")));

        assertThat(offline.getException()).isInstanceOf(AlinkNoSessionException.class);
        AlinkNoSessionException refused = (AlinkNoSessionException) offline.getException();
        assertThat(refused.getCode()).isEqualTo(AlinkCodes.DEVICE_NO_SESSION);
        assertThat(refused.getSubDevices()).containsExactly(new SubDeviceId(SUB_PK, "spring-never-online"));
    }

    @Test
    void theGatewayConnectedWithTheIdentitySignedFromTheSecretInApplicationProperties() {
        AlinkSessionComponent component = camelContext.getComponent("alink-session", AlinkSessionComponent.class);

        // the broker let the gateway in only with the password signed from that secret (EmbeddedAlinkCloud)
        assertThat(cloud.connectPasswords()).isNotEmpty();
        assertThat(component.getConfiguration().getGatewayDeviceSecret()).isEqualTo(EmbeddedAlinkCloud.GATEWAY_SECRET);
        assertThat(component.getConfiguration().getGatewayProductKey()).isEqualTo(EmbeddedAlinkCloud.GATEWAY_PRODUCT_KEY);
        assertThat(component.getConfiguration().getGatewayDeviceName()).isEqualTo(EmbeddedAlinkCloud.GATEWAY_DEVICE_NAME);
    }
}
