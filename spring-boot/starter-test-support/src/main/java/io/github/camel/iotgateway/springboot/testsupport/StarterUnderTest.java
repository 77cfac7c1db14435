package io.github.camel.iotgateway.springboot.testsupport;

import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camel.iotgateway.mqtt.GatewayEndpointOptions;
import org.apache.camel.Component;

/**
 * The starter a test checks: its component's scheme, how to read the configuration Camel's component holds, and the
 * three classes the starter adds for it. Each starter's tests name theirs once; the tests of this module take it.
 *
 * @param <C>                  the component
 * @param <K>                  the component's configuration
 * @param scheme               the component's scheme, e.g. {@code alink-session}
 * @param componentType        the component's class
 * @param configurationOf      the configuration a component holds
 * @param defaultConfiguration a configuration with the component's own defaults
 * @param properties           the starter's {@code @ConfigurationProperties} class
 * @param converter            the starter's converter of bean references
 * @param autoConfiguration    the starter's auto-configuration
 */
public record StarterUnderTest<C extends Component, K extends GatewayEndpointOptions>(String scheme, Class<C> componentType,
        Function<C, K> configurationOf, Supplier<K> defaultConfiguration, Class<?> properties, Class<?> converter,
        Class<?> autoConfiguration) {

    /** The starter's properties start with it: {@code camel.component.<scheme>.}. */
    public String prefix() {
        return "camel.component." + scheme + ".";
    }

    /** The starter's artifact, {@code camel-<scheme>-starter}, as a user's pom names it. */
    public String artifactId() {
        return "camel-" + scheme + "-starter";
    }
}
