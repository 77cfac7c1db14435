package io.github.camel.iotgateway.alink.springboot;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.alink.AlinkSessionConfiguration;
import io.github.camel.iotgateway.springboot.testsupport.StarterUnderTest;

/** This starter, as the tests it shares with the other starters (starter-test-support) take it. */
final class AlinkSessionStarter {

    static final StarterUnderTest<AlinkSessionComponent, AlinkSessionConfiguration> UNDER_TEST = new StarterUnderTest<>(
            "alink-session", AlinkSessionComponent.class, AlinkSessionComponent::getConfiguration,
            AlinkSessionConfiguration::new, AlinkSessionComponentConfiguration.class, AlinkSessionComponentConverter.class,
            AlinkSessionComponentAutoConfiguration.class);

    private AlinkSessionStarter() {
    }
}
