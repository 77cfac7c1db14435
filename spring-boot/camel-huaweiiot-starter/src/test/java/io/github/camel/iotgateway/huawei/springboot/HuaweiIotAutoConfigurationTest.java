package io.github.camel.iotgateway.huawei.springboot;

import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration does with {@code camel.component.huaweiiot.*}: each property reaches the component Camel
 * creates, nothing changes without them, the switches turn it off, and object options take beans by reference. No
 * broker: no endpoint is created, the component's configuration is read.
 */
class HuaweiIotAutoConfigurationTest {

    private static final String PREFIX = "camel.component.huaweiiot.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
            .of(CamelAutoConfiguration.class, HuaweiIotComponentConverter.class, HuaweiIotComponentAutoConfiguration.class));

    @Test
    void eachPropertyReachesTheComponentInEitherSpelling() {
        runner.withPropertyValues(PREFIX + "broker-url=tcp://gateway.example:1883",
                PREFIX + "gateway-device-id=6650a1b2c3d4e5f6a7b8c9d0_gw-01",
                PREFIX + "gateway-device-secret=gwSecretOfTheBindingTest", PREFIX + "request-timeout=35000",
                PREFIX + "sync-on-connect=false", PREFIX + "qos=0", PREFIX + "fail-on-any-device-failure=true",
                PREFIX + "max-bytes-per-second=524288", PREFIX + "maxMessagesPerSecond=20").run(context -> {
                    HuaweiIotConfiguration c = component(context).getConfiguration();
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
    void withoutPropertiesTheComponentKeepsEveryDefaultOfItsOwn() {
        runner.run(context -> assertThat(component(context).getConfiguration()).usingRecursiveComparison()
                .isEqualTo(new HuaweiIotConfiguration()));
    }

    @Test
    void enabledFalseLeavesTheComponentAsCamelMakesIt() {
        runner.withPropertyValues(PREFIX + "enabled=false", PREFIX + "broker-url=tcp://gateway.example:1883")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(HuaweiIotComponentAutoConfiguration.class)
                            .doesNotHaveBean(ComponentCustomizer.class);
                    assertThat(component(context).getConfiguration().getBrokerUrl()).isNull();
                });
    }

    @Test
    void theSwitchOfAllComponentsTurnsItOffToo() {
        runner.withPropertyValues("camel.component.enabled=false", PREFIX + "broker-url=tcp://gateway.example:1883")
                .run(context -> assertThat(context).doesNotHaveBean(ComponentCustomizer.class));
    }

    @Test
    void theCustomizerSwitchKeepsThePropertiesButDoesNotApplyThem() {
        runner.withPropertyValues(PREFIX + "customizer.enabled=false", PREFIX + "broker-url=tcp://gateway.example:1883")
                .run(context -> {
                    assertThat(context.getBean(HuaweiIotComponentConfiguration.class).getBrokerUrl())
                            .isEqualTo("tcp://gateway.example:1883");
                    assertThat(component(context).getConfiguration().getBrokerUrl()).isNull();
                });
    }

    @Test
    void objectOptionsTakeBeansOfTheSpringContextByReference() {
        SSLContextParameters tls = new SSLContextParameters();
        MqttClientFactory clients = new PahoClientFactory();
        StateRepository<String, String> versions = new MemoryStateRepository();
        runner.withBean("gatewayTls", SSLContextParameters.class, () -> tls)
                .withBean("gatewayClients", MqttClientFactory.class, () -> clients)
                .withBean("childListVersions", MemoryStateRepository.class, () -> (MemoryStateRepository) versions)
                .withPropertyValues(PREFIX + "ssl-context-parameters=#bean:gatewayTls",
                        PREFIX + "mqtt-client-factory=#gatewayClients", PREFIX + "state-repository=#bean:childListVersions")
                .run(context -> {
                    HuaweiIotConfiguration c = component(context).getConfiguration();
                    assertThat(c.getSslContextParameters()).isSameAs(tls);
                    assertThat(c.getMqttClientFactory()).isSameAs(clients);
                    assertThat(c.getStateRepository()).isSameAs(versions);
                });
    }

    @Test
    void anObjectOptionThatNamesNoBeanFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(PREFIX + "state-repository=childListVersions").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("#bean:name");
            assertThat(context.getStartupFailure()).hasStackTraceContaining(PREFIX + "state-repository");
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
                .withPropertyValues(PREFIX + "configuration=#bean:sharedGateway", PREFIX + "request-timeout=1234",
                        PREFIX + "gateway-device-id=6650a1b2c3d4e5f6a7b8c9d0_gw-on-top",
                        PREFIX + "mqtt-client-factory=#bean:gatewayClients")
                .run(context -> {
                    HuaweiIotConfiguration c = component(context).getConfiguration();
                    assertThat(c).isSameAs(shared);
                    assertThat(c.getBrokerUrl()).isEqualTo("tcp://shared.example:1883");
                    assertThat(c.getClientId()).isEqualTo("shared-client");
                    assertThat(c.getRequestTimeout()).isEqualTo(1234);
                    assertThat(c.getGatewayDeviceId()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_gw-on-top");
                    assertThat(c.getMqttClientFactory()).isSameAs(clients);
                });
    }

    @Test
    void thePropertiesBeanPrintsNoSecret() {
        runner.withPropertyValues(PREFIX + "gateway-device-secret=gwSecretNeverPrinted01", PREFIX + "user-name=mqttUserNeverPrinted",
                PREFIX + "password=mqttPasswordNeverPrinted").run(context -> assertThat(
                        context.getBean(HuaweiIotComponentConfiguration.class).toString())
                        .doesNotContain("NeverPrinted"));
    }

    private static HuaweiIotComponent component(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("huaweiiot", HuaweiIotComponent.class);
    }
}
