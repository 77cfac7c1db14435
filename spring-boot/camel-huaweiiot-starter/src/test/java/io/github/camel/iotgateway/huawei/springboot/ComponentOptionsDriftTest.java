package io.github.camel.iotgateway.huawei.springboot;

import io.github.camel.iotgateway.springboot.testsupport.ComponentOptionsDriftTestSupport;

/**
 * Every option of the huaweiiot component is a {@code camel.component.huaweiiot.*} property of this starter, with its
 * description, type and default, and the starter has none the component lacks but its switches.
 */
class ComponentOptionsDriftTest extends ComponentOptionsDriftTestSupport {

    ComponentOptionsDriftTest() {
        super(HuaweiIotStarter.UNDER_TEST, "brokerUrl", "gatewayDeviceSecret", "maxMessagesPerSecond");
    }
}
