package io.github.camel.iotgateway.huawei.springboot;

import io.github.camel.iotgateway.springboot.testsupport.ReadmeSpringBootSnippetsTestSupport;

/**
 * The README's Spring Boot section shows what this module's tests run: its huaweiiot properties are those
 * HuaweiIotStarterApplicationTest boots on, and its dependency names this starter at this version.
 */
class ReadmeSpringBootSnippetsTest extends ReadmeSpringBootSnippetsTestSupport {

    ReadmeSpringBootSnippetsTest() {
        super(HuaweiIotStarter.UNDER_TEST);
    }
}
