package io.github.camel.iotgateway.alink.springboot;

import io.github.camel.iotgateway.springboot.testsupport.ComponentOptionsDriftTestSupport;

/**
 * Every option of the alink-session component is a {@code camel.component.alink-session.*} property of this starter,
 * with its description, type and default, and the starter has none the component lacks but its switches.
 */
class ComponentOptionsDriftTest extends ComponentOptionsDriftTestSupport {

    ComponentOptionsDriftTest() {
        super(AlinkSessionStarter.UNDER_TEST, "brokerUrl", "gatewayDeviceSecret", "maxLoginsPerSecond");
    }
}
