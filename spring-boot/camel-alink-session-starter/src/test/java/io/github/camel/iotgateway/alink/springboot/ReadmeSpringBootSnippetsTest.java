package io.github.camel.iotgateway.alink.springboot;

import io.github.camel.iotgateway.springboot.testsupport.ReadmeSpringBootSnippetsTestSupport;

/**
 * The README's Spring Boot section shows what this module's tests run: its alink-session properties are those
 * AlinkSessionStarterApplicationTest boots on, and its dependency names this starter at this version.
 */
class ReadmeSpringBootSnippetsTest extends ReadmeSpringBootSnippetsTestSupport {

    ReadmeSpringBootSnippetsTest() {
        super(AlinkSessionStarter.UNDER_TEST);
    }
}
