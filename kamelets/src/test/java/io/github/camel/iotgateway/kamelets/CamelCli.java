package io.github.camel.iotgateway.kamelets;

/**
 * The {@code camel} command of Camel JBang without the JBang launcher: what its script CamelJBang.java runs once JBang
 * has put camel-jbang-core on the classpath. {@link CamelJBangRunTest} starts it in a JVM of its own, whose classpath
 * is camel-jbang-core's; it is looked up by name as this module's own test classpath has no camel-jbang-core (its
 * log4j binding would compete with the tests' slf4j-simple).
 */
public final class CamelCli {

    static final String MAIN = "org.apache.camel.dsl.jbang.core.commands.CamelJBangMain";

    private CamelCli() {
    }

    public static void main(String... args) throws Exception {
        Class.forName(MAIN).getMethod("run", String[].class).invoke(null, (Object) args);
    }
}
