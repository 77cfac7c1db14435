package io.github.camel.iotgateway.alink.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures every alink-session component of the CamelContext from {@code camel.component.alink-session.*}, as Camel's
 * own starters do: a {@link ComponentCustomizer} that Camel applies when it creates the component. Off with
 * {@code camel.component.alink-session.enabled=false} (or {@code camel.component.enabled=false}); the customizer alone off
 * with {@code camel.component.alink-session.customizer.enabled=false}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, AlinkSessionComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, AlinkSessionComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.alink-session" })
public class AlinkSessionComponentAutoConfiguration {

    /** The option that replaces the component's whole configuration object. */
    private static final String SHARED_CONFIGURATION = "configuration";

    @Lazy
    @Bean
    public ComponentCustomizer configureAlinkSessionComponent(ApplicationContext applicationContext,
            CamelContext camelContext, AlinkSessionComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options(camelContext, configuration), false);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.alink-session.customizer") && target instanceof AlinkSessionComponent;
            }
        };
    }

    /**
     * The options that have a value, the shared configuration object first when one is named: set after the single
     * options (Camel's starters copy them in hash order) it would silently replace them.
     */
    private static Map<String, Object> options(CamelContext camelContext, AlinkSessionComponentConfiguration configuration) {
        Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        Map<String, Object> ordered = new LinkedHashMap<>();
        Object shared = options.remove(SHARED_CONFIGURATION);
        if (shared != null) {
            ordered.put(SHARED_CONFIGURATION, shared);
        }
        ordered.putAll(options);
        return ordered;
    }
}
