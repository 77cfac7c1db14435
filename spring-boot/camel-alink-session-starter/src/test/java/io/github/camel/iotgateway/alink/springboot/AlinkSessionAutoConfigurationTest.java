package io.github.camel.iotgateway.alink.springboot;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.AlinkSessionConfiguration;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration does with {@code camel.component.alink-session.*}: each property reaches the component
 * Camel creates, nothing changes without them, the switches turn it off, and object options take beans by reference.
 * No broker: no endpoint is created, the component's configuration is read.
 */
class AlinkSessionAutoConfigurationTest {

    private static final String PREFIX = "camel.component.alink-session.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
            .of(CamelAutoConfiguration.class, AlinkSessionComponentConverter.class, AlinkSessionComponentAutoConfiguration.class));

    @Test
    void eachPropertyReachesTheComponentInEitherSpelling() {
        runner.withPropertyValues(PREFIX + "broker-url=tcp://gateway.example:1883", PREFIX + "gateway-product-key=a1GwPk00001",
                PREFIX + "gateway-device-name=gw-01", PREFIX + "gateway-device-secret=gwSecretOfTheBindingTest",
                PREFIX + "request-timeout=2500", PREFIX + "batching=false", PREFIX + "sign-method=hmacSha1",
                PREFIX + "login-pace-counts=subDevices", PREFIX + "keep-alive-interval=120",
                PREFIX + "maxOnlineSubDevices=1500").run(context -> {
                    AlinkSessionConfiguration c = component(context).getConfiguration();
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
    void withoutPropertiesTheComponentKeepsEveryDefaultOfItsOwn() {
        runner.run(context -> assertThat(component(context).getConfiguration()).usingRecursiveComparison()
                .isEqualTo(new AlinkSessionConfiguration()));
    }

    @Test
    void enabledFalseLeavesTheComponentAsCamelMakesIt() {
        runner.withPropertyValues(PREFIX + "enabled=false", PREFIX + "broker-url=tcp://gateway.example:1883")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(AlinkSessionComponentAutoConfiguration.class)
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
                    assertThat(context.getBean(AlinkSessionComponentConfiguration.class).getBrokerUrl())
                            .isEqualTo("tcp://gateway.example:1883");
                    assertThat(component(context).getConfiguration().getBrokerUrl()).isNull();
                });
    }

    @Test
    void objectOptionsTakeBeansOfTheSpringContextByReference() {
        SSLContextParameters tls = new SSLContextParameters();
        MqttClientFactory clients = new PahoClientFactory();
        runner.withBean("gatewayTls", SSLContextParameters.class, () -> tls)
                .withBean("gatewayClients", MqttClientFactory.class, () -> clients)
                .withPropertyValues(PREFIX + "ssl-context-parameters=#bean:gatewayTls",
                        PREFIX + "mqtt-client-factory=#gatewayClients")
                .run(context -> {
                    AlinkSessionConfiguration c = component(context).getConfiguration();
                    assertThat(c.getSslContextParameters()).isSameAs(tls);
                    assertThat(c.getMqttClientFactory()).isSameAs(clients);
                });
    }

    @Test
    void anObjectOptionThatNamesNoBeanFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(PREFIX + "ssl-context-parameters=gatewayTls").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("#bean:name");
            assertThat(context.getStartupFailure()).hasStackTraceContaining(PREFIX + "ssl-context-parameters");
        });
    }

    @Test
    void aSharedConfigurationBeanComesFirstAndTheSinglePropertiesGoOnTopOfIt() {
        AlinkSessionConfiguration shared = new AlinkSessionConfiguration();
        shared.setBrokerUrl("tcp://shared.example:1883");
        shared.setClientId("shared-client");
        runner.withBean("sharedGateway", AlinkSessionConfiguration.class, () -> shared)
                // in hash order, max-logins-per-sub-device-per-minute would be set before the shared object replaced it
                .withPropertyValues(PREFIX + "configuration=#bean:sharedGateway", PREFIX + "request-timeout=1234",
                        PREFIX + "gateway-device-name=gw-on-top", PREFIX + "max-logins-per-sub-device-per-minute=2")
                .run(context -> {
                    AlinkSessionConfiguration c = component(context).getConfiguration();
                    assertThat(c).isSameAs(shared);
                    assertThat(c.getBrokerUrl()).isEqualTo("tcp://shared.example:1883");
                    assertThat(c.getClientId()).isEqualTo("shared-client");
                    assertThat(c.getRequestTimeout()).isEqualTo(1234);
                    assertThat(c.getGatewayDeviceName()).isEqualTo("gw-on-top");
                    assertThat(c.getMaxLoginsPerSubDevicePerMinute()).isEqualTo(2);
                });
    }

    @Test
    void thePropertiesBeanPrintsNoSecret() {
        runner.withPropertyValues(PREFIX + "gateway-device-secret=gwSecretNeverPrinted01", PREFIX + "user-name=mqttUserNeverPrinted",
                PREFIX + "password=mqttPasswordNeverPrinted").run(context -> assertThat(
                        context.getBean(AlinkSessionComponentConfiguration.class).toString())
                        .doesNotContain("NeverPrinted"));
    }

    private static AlinkSessionComponent component(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(CamelContext.class).getComponent("alink-session", AlinkSessionComponent.class);
    }
}
