package io.github.camel.iotgateway.huawei.springboot;

import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import io.github.camel.iotgateway.springboot.testsupport.StarterAutoConfigurationTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration does with {@code camel.component.huaweiiot.*}: each property reaches the component Camel
 * creates, and a shared configuration object comes before the single properties; what every starter does alike (no
 * change without properties, the switches, bean references, no secret printed) is the support's. No broker: no
 * endpoint is created, the component's configuration is read.
 */
class HuaweiIotAutoConfigurationTest extends StarterAutoConfigurationTestSupport<HuaweiIotComponent, HuaweiIotConfiguration> {

    HuaweiIotAutoConfigurationTest() {
        super(HuaweiIotStarter.UNDER_TEST);
    }

    /** The object option this component had first (the child-list versions): tried here for a reference without #. */
    @Override
    protected String anObjectOption() {
        return "state-repository";
    }

    @Test
    void eachPropertyReachesTheComponentInEitherSpelling() {
        runner.withPropertyValues(prefix + "broker-url=tcp://gateway.example:1883",
                prefix + "gateway-device-id=6650a1b2c3d4e5f6a7b8c9d0_gw-01",
                prefix + "gateway-device-secret=gwSecretOfTheBindingTest", prefix + "request-timeout=35000",
                prefix + "sync-on-connect=false", prefix + "qos=0", prefix + "fail-on-any-device-failure=true",
                prefix + "max-bytes-per-second=524288", prefix + "maxMessagesPerSecond=20").run(context -> {
                    HuaweiIotConfiguration c = configuration(context);
                    assertThat(c.getBrokerUrl()).isEqualTo("tcp://gateway.example:1883");
                    assertThat(c.getGatewayDeviceId()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_gw-01");
                    assertThat(c.getGatewayDeviceSecret()).isEqualTo("gwSecretOfTheBindingTest");
                    assertThat(c.getRequestTimeout()).isEqualTo(35000);
                    assertThat(c.isSyncOnConnect()).isFalse();
                    assertThat(c.getQos()).isZero();
                    assertThat(c.isFailOnAnyDeviceFailure()).isTrue();
                    assertThat(c.getMaxBytesPerSecond()).isEqualTo(524288);
                    assertThat(c.getMaxMessagesPerSecond()).isEqualTo(20);
                });
    }

    @Test
    void aSharedConfigurationBeanComesFirstAndTheSinglePropertiesGoOnTopOfIt() {
        HuaweiIotConfiguration shared = new HuaweiIotConfiguration();
        shared.setBrokerUrl("tcp://shared.example:1883");
        shared.setClientId("shared-client");
        MqttClientFactory clients = new PahoClientFactory();
        runner.withBean("sharedGateway", HuaweiIotConfiguration.class, () -> shared)
                .withBean("gatewayClients", MqttClientFactory.class, () -> clients)
                // in hash order, mqtt-client-factory would be set before the shared object replaced it
                .withPropertyValues(prefix + "configuration=#bean:sharedGateway", prefix + "request-timeout=1234",
                        prefix + "gateway-device-id=6650a1b2c3d4e5f6a7b8c9d0_gw-on-top",
                        prefix + "mqtt-client-factory=#bean:gatewayClients")
                .run(context -> {
                    HuaweiIotConfiguration c = configuration(context);
                    assertThat(c).isSameAs(shared);
                    assertThat(c.getBrokerUrl()).isEqualTo("tcp://shared.example:1883");
                    assertThat(c.getClientId()).isEqualTo("shared-client");
                    assertThat(c.getRequestTimeout()).isEqualTo(1234);
                    assertThat(c.getGatewayDeviceId()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_gw-on-top");
                    assertThat(c.getMqttClientFactory()).isSameAs(clients);
                });
    }
}
