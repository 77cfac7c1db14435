package io.github.camel.iotgateway.zookeeper;

/** What the cluster tests and their node JVMs agree on. */
final class ClusterTests {

    static final String SUB_PK = "a1SubPk0001";

    private ClusterTests() {
    }

    static String secretOf(String device) {
        return "secret-" + device;
    }
}
