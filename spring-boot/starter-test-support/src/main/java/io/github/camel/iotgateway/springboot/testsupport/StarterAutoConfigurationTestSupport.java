package io.github.camel.iotgateway.springboot.testsupport;

import io.github.camel.iotgateway.mqtt.GatewayEndpointOptions;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import io.github.camel.iotgateway.mqtt.client.PahoClientFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a starter's auto-configuration does with {@code camel.component.<scheme>.*}, whatever the component: nothing
 * changes without properties, the switches turn it off, object options take beans by reference, and the properties bean
 * prints no secret. A starter's test adds what is its component's own (each of its options reaching the component, a
 * shared configuration object under single options) with {@link #runner}, {@link #prefix} and {@link #configuration}.
 * No broker: no endpoint is created, the component's configuration is read.
 *
 * @param <C> the component
 * @param <K> the component's configuration
 */
public abstract class StarterAutoConfigurationTestSupport<C extends Component, K extends GatewayEndpointOptions> {

    protected final StarterUnderTest<C, K> starter;
    /** {@code camel.component.<scheme>.} */
    protected final String prefix;
    /** Camel's auto-configuration and the starter's, with no property set. */
    protected final ApplicationContextRunner runner;

    protected StarterAutoConfigurationTestSupport(StarterUnderTest<C, K> starter) {
        this.starter = starter;
        this.prefix = starter.prefix();
        this.runner = new ApplicationContextRunner().withConfiguration(
                AutoConfigurations.of(CamelAutoConfiguration.class, starter.converter(), starter.autoConfiguration()));
    }

    /** An object option of the component (dashed) that a reference without {@code #} is tried on; any one will do. */
    protected String anObjectOption() {
        return "ssl-context-parameters";
    }

    @Test
    public void withoutPropertiesTheComponentKeepsEveryDefaultOfItsOwn() {
        runner.run(context -> assertThat(configuration(context)).usingRecursiveComparison()
                .isEqualTo(starter.defaultConfiguration().get()));
    }

    @Test
    public void enabledFalseLeavesTheComponentAsCamelMakesIt() {
        runner.withPropertyValues(prefix + "enabled=false", prefix + "broker-url=tcp://gateway.example:1883")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(starter.autoConfiguration())
                            .doesNotHaveBean(ComponentCustomizer.class);
                    assertThat(configuration(context).getBrokerUrl()).isNull();
                });
    }

    @Test
    public void theSwitchOfAllComponentsTurnsItOffToo() {
        runner.withPropertyValues("camel.component.enabled=false", prefix + "broker-url=tcp://gateway.example:1883")
                .run(context -> assertThat(context).doesNotHaveBean(ComponentCustomizer.class));
    }

    @Test
    public void theCustomizerSwitchKeepsThePropertiesButDoesNotApplyThem() {
        runner.withPropertyValues(prefix + "customizer.enabled=false", prefix + "broker-url=tcp://gateway.example:1883")
                .run(context -> {
                    Object properties = context.getBean(starter.properties());
                    assertThat(new BeanWrapperImpl(properties).getPropertyValue("brokerUrl"))
                            .isEqualTo("tcp://gateway.example:1883");
                    assertThat(configuration(context).getBrokerUrl()).isNull();
                });
    }

    @Test
    public void objectOptionsTakeBeansOfTheSpringContextByReference() {
        SSLContextParameters tls = new SSLContextParameters();
        MqttClientFactory clients = new PahoClientFactory();
        MemoryStateRepository state = new MemoryStateRepository();
        runner.withBean("gatewayTls", SSLContextParameters.class, () -> tls)
                .withBean("gatewayClients", MqttClientFactory.class, () -> clients)
                .withBean("gatewayState", MemoryStateRepository.class, () -> state)
                .withPropertyValues(prefix + "ssl-context-parameters=#bean:gatewayTls",
                        prefix + "mqtt-client-factory=#gatewayClients", prefix + "state-repository=#bean:gatewayState")
                .run(context -> {
                    K c = configuration(context);
                    assertThat(c.getSslContextParameters()).isSameAs(tls);
                    assertThat(c.getMqttClientFactory()).isSameAs(clients);
                    assertThat(new BeanWrapperImpl(c).getPropertyValue("stateRepository")).isSameAs(state);
                });
    }

    @Test
    public void anObjectOptionThatNamesNoBeanFailsTheStartNamingTheProperty() {
        runner.withPropertyValues(prefix + anObjectOption() + "=gatewayBean").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("#bean:name");
            assertThat(context.getStartupFailure()).hasStackTraceContaining(prefix + anObjectOption());
        });
    }

    @Test
    public void thePropertiesBeanPrintsNoSecret() {
        runner.withPropertyValues(prefix + "gateway-device-secret=gwSecretNeverPrinted01", prefix + "user-name=mqttUserNeverPrinted",
                prefix + "password=mqttPasswordNeverPrinted").run(context -> assertThat(
                        context.getBean(starter.properties()).toString())
                        .doesNotContain("NeverPrinted"));
    }

    /** The configuration of the component Camel created, once the context started. */
    protected K configuration(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        C component = context.getBean(CamelContext.class).getComponent(starter.scheme(), starter.componentType());
        return starter.configurationOf().apply(component);
    }
}
