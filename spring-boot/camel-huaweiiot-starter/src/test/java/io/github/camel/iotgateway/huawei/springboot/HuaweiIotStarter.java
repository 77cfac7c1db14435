package io.github.camel.iotgateway.huawei.springboot;

import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import io.github.camel.iotgateway.springboot.testsupport.StarterUnderTest;

/** This starter, as the tests it shares with the other starters (starter-test-support) take it. */
final class HuaweiIotStarter {

    static final StarterUnderTest<HuaweiIotComponent, HuaweiIotConfiguration> UNDER_TEST = new StarterUnderTest<>(
            "huaweiiot", HuaweiIotComponent.class, HuaweiIotComponent::getConfiguration, HuaweiIotConfiguration::new,
            HuaweiIotComponentConfiguration.class, HuaweiIotComponentConverter.class,
            HuaweiIotComponentAutoConfiguration.class);

    private HuaweiIotStarter() {
    }
}
