package io.github.camel.iotgateway.simulator;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the PUBLISH packets clients send, per exact MQTT topic name and QoS. It sits in the broker's incoming MQTT
 * interceptor chain, so it sees each packet as it came off the wire: before any address mapping, and exactly once
 * (a QoS 1 redelivery from the client, DUP set, is a packet of its own and counts again).
 */
final class PublishCounter implements MQTTInterceptor {

    private static final int QOS_LEVELS = 3;

    private final ConcurrentMap<String, AtomicLongArray> byTopic = new ConcurrentHashMap<>();

    @Override
    public boolean intercept(MqttMessage packet, RemotingConnection connection) {
        if (packet.fixedHeader().messageType() == MqttMessageType.PUBLISH) {
            MqttPublishMessage publish = (MqttPublishMessage) packet;
            int qos = Math.min(publish.fixedHeader().qosLevel().value(), QOS_LEVELS - 1);
            byTopic.computeIfAbsent(publish.variableHeader().topicName(), t -> new AtomicLongArray(QOS_LEVELS))
                    .incrementAndGet(qos);
        }
        return true;
    }

    long count(String topic) {
        AtomicLongArray counts = byTopic.get(topic);
        if (counts == null) {
            return 0;
        }
        long total = 0;
        for (int qos = 0; qos < QOS_LEVELS; qos++) {
            total += counts.get(qos);
        }
        return total;
    }

    /** QoS level to count, only the levels that occurred. */
    Map<Integer, Long> countsByQos(String topic) {
        Map<Integer, Long> result = new TreeMap<>();
        AtomicLongArray counts = byTopic.get(topic);
        if (counts != null) {
            for (int qos = 0; qos < QOS_LEVELS; qos++) {
                if (counts.get(qos) > 0) {
                    result.put(qos, counts.get(qos));
                }
            }
        }
        return result;
    }

    void reset() {
        byTopic.clear();
    }
}
