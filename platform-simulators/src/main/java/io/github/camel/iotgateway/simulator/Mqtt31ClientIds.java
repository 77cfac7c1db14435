package io.github.camel.iotgateway.simulator;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTUtil;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Lets MQTT 3.1 CONNECTs carry ClientIds longer than 23 characters, as both clouds take them (an IoTDA ClientId is
 * {@code {device_id}_0_{signType}_{yyyyMMddHH}}, 40 characters and more).
 *
 * <p>Why it matters: Paho, left at its default MQTT version (as Huawei's Java device SDK leaves it), retries a refused
 * 3.1.1 CONNECT as MQTT 3.1. Netty's decoder, as Artemis sets it up, holds a 3.1 ClientId to the 3.1 spec's 23
 * characters and fails the packet before any interceptor sees it; Artemis then closes the connection without a
 * CONNACK. The client sees "connection lost" (32109) instead of the refusal (4), and an SDK that stops only on 4 retries
 * for ever. With this decoder the 3.1 CONNECT reaches {@link ConnectGuard} like a 3.1.1 one and is refused with 4.
 *
 * <p>Artemis calls this on the connection's network thread once it has detected MQTT and built the pipeline, before it
 * hands on the bytes read so far, so the CONNECT is decoded by the replacement.
 */
final class Mqtt31ClientIds implements ActiveMQServerConnectionPlugin {

    /** The longest string MQTT can carry: the ClientId is then as free as under 3.1.1. */
    static final int MAX_CLIENT_ID_LENGTH = 65_535;

    @Override
    public void afterCreateConnection(RemotingConnection connection) {
        if (connection.getTransportConnection() instanceof NettyConnection netty) {
            ChannelPipeline pipeline = netty.getChannel().pipeline();
            if (pipeline.get(MqttDecoder.class) != null) {
                pipeline.replace(MqttDecoder.class, "mqtt-decoder-long-client-ids",
                        new MqttDecoder(MQTTUtil.MAX_PACKET_SIZE, MAX_CLIENT_ID_LENGTH));
            }
        }
    }
}
