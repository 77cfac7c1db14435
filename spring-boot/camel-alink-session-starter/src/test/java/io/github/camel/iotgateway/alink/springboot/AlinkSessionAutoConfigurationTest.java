package io.github.camel.iotgateway.alink.springboot;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.AlinkSessionConfiguration;
import io.github.camel.iotgateway.springboot.testsupport.StarterAutoConfigurationTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration does with {@code camel.component.alink-session.*}: each property reaches the component
 * Camel creates, and a shared configuration object comes before the single properties; what every starter does alike
 * (no change without properties, the switches, bean references, no secret printed) is the support's. No broker: no
 * endpoint is created, the component's configuration is read.
 */
class AlinkSessionAutoConfigurationTest
        extends StarterAutoConfigurationTestSupport<AlinkSessionComponent, AlinkSessionConfiguration> {

    AlinkSessionAutoConfigurationTest() {
        super(AlinkSessionStarter.UNDER_TEST);
    }

    @Test
    void eachPropertyReachesTheComponentInEitherSpelling() {
        runner.withPropertyValues(prefix + "broker-url=tcp://gateway.example:1883", prefix + "gateway-product-key=a1GwPk00001",
                prefix + "gateway-device-name=gw-01", prefix + "gateway-device-secret=gwSecretOfTheBindingTest",
                prefix + "request-timeout=2500", prefix + "batching=false", prefix + "sign-method=hmacSha1",
                prefix + "login-pace-counts=subDevices", prefix + "keep-alive-interval=120",
                prefix + "maxOnlineSubDevices=1500").run(context -> {
                    AlinkSessionConfiguration c = configuration(context);
                    assertThat(c.getBrokerUrl()).isEqualTo("tcp://gateway.example:1883");
                    assertThat(c.getGatewayProductKey()).isEqualTo("a1GwPk00001");
                    assertThat(c.getGatewayDeviceName()).isEqualTo("gw-01");
                    assertThat(c.getGatewayDeviceSecret()).isEqualTo("gwSecretOfTheBindingTest");
                    assertThat(c.getRequestTimeout()).isEqualTo(2500);
                    assertThat(c.isBatching()).isFalse();
                    assertThat(c.getSignMethod()).isEqualTo("hmacSha1");
                    assertThat(c.loginPaceCountsSubDevices()).isTrue();
                    assertThat(c.getKeepAliveInterval()).isEqualTo(120);
                    assertThat(c.getMaxOnlineSubDevices()).isEqualTo(1500);
                });
    }

    @Test
    void aSharedConfigurationBeanComesFirstAndTheSinglePropertiesGoOnTopOfIt() {
        AlinkSessionConfiguration shared = new AlinkSessionConfiguration();
        shared.setBrokerUrl("tcp://shared.example:1883");
        shared.setClientId("shared-client");
        runner.withBean("sharedGateway", AlinkSessionConfiguration.class, () -> shared)
                // in hash order, max-logins-per-sub-device-per-minute would be set before the shared object replaced it
                .withPropertyValues(prefix + "configuration=#bean:sharedGateway", prefix + "request-timeout=1234",
                        prefix + "gateway-device-name=gw-on-top", prefix + "max-logins-per-sub-device-per-minute=2")
                .run(context -> {
                    AlinkSessionConfiguration c = configuration(context);
                    assertThat(c).isSameAs(shared);
                    assertThat(c.getBrokerUrl()).isEqualTo("tcp://shared.example:1883");
                    assertThat(c.getClientId()).isEqualTo("shared-client");
                    assertThat(c.getRequestTimeout()).isEqualTo(1234);
                    assertThat(c.getGatewayDeviceName()).isEqualTo("gw-on-top");
                    assertThat(c.getMaxLoginsPerSubDevicePerMinute()).isEqualTo(2);
                });
    }
}
