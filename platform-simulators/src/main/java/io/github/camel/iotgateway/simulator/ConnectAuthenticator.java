package io.github.camel.iotgateway.simulator;

/**
 * Decides whether the {@link EmbeddedMqttBroker} accepts a CONNECT. A refused client gets CONNACK return code 4 "bad
 * user name or password", the code both clouds answer a wrong device password with.
 */
@FunctionalInterface
public interface ConnectAuthenticator {

    /**
     * Called on the broker's network thread for every CONNECT: keep it quick and do not block.
     *
     * @param username null when the client sent none
     * @param password null when the client sent none
     */
    boolean accept(String clientId, String username, String password);
}
