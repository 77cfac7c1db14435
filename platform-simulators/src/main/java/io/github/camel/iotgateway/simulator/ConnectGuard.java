package io.github.camel.iotgateway.simulator;

import io.netty.channel.Channel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Applies the {@link ConnectAuthenticator} to each CONNECT. Artemis's own security manager answers a refused MQTT
 * 3.1.1 login with return code 5 "not authorized"; the clouds answer a wrong password with 4 "bad user name or
 * password", and a client may treat the two differently. So this interceptor writes the CONNACK itself, on the
 * connection's network thread, and then rejects the packet, which makes Artemis close the connection after that
 * write has gone out.
 */
final class ConnectGuard implements MQTTInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectGuard.class);
    private static final int MQTT_5 = 5;

    private volatile ConnectAuthenticator authenticator;

    void setAuthenticator(ConnectAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean intercept(MqttMessage packet, RemotingConnection connection) {
        ConnectAuthenticator current = authenticator;
        if (current == null || packet.fixedHeader().messageType() != MqttMessageType.CONNECT) {
            return true;
        }
        MqttConnectMessage connect = (MqttConnectMessage) packet;
        byte[] passwordBytes = connect.payload().passwordInBytes();
        String password = passwordBytes == null ? null : new String(passwordBytes, StandardCharsets.UTF_8);
        String clientId = connect.payload().clientIdentifier();
        if (current.accept(clientId, connect.payload().userName(), password)) {
            return true;
        }
        LOG.info("Refused CONNECT of client '{}' (user '{}'): bad user name or password", clientId,
                connect.payload().userName());
        MqttConnectReturnCode code = connect.variableHeader().version() == MQTT_5
                ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
        if (connection.getTransportConnection() instanceof NettyConnection netty) {
            Channel channel = netty.getChannel();
            channel.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build());
        }
        // on any other transport the client sees the connection close without a CONNACK: still a refusal
        return false;
    }
}
