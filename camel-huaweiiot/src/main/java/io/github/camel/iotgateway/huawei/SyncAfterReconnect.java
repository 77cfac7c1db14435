package io.github.camel.iotgateway.huawei;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.camel.iotgateway.mqtt.GatewayConnection;
import io.github.camel.iotgateway.mqtt.GatewayConnectionListener;
import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.InboundMessage;
import io.github.camel.iotgateway.protocol.iotda.ChildListVersion;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaJson;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.IotdaTopics;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import io.github.camel.iotgateway.protocol.iotda.SyncRequestParas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the gateway was offline it missed the platform's add/delete notices. After each reconnect this asks for them
 * again with a {@code sub_device_sync_request} carrying the last child-list version the gateway saw (docs/protocol-notes.md
 * B.6, B.7); the platform answers with the notices made since, which reach the {@code huaweiiot:events} route as usual.
 */
final class SyncAfterReconnect implements GatewayConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(SyncAfterReconnect.class);

    private final GatewayConnection connection;
    private final IotdaTopics topics;
    private final int qos;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Long> lastVersion = new AtomicReference<>();

    /** Remembers the version of every add/delete notice, whether or not an events route takes them. */
    final Consumer<InboundMessage> versionTracker = this::track;

    SyncAfterReconnect(GatewayConnection connection, IotdaTopics topics, int qos) {
        this.connection = connection;
        this.topics = topics;
        this.qos = qos;
    }

    Long lastVersion() {
        return lastVersion.get();
    }

    @Override
    public void connected(boolean reconnect) {
        if (!reconnect) {
            return;
        }
        Long version = lastVersion.get();
        try {
            connection.publish(topics.eventsUp(), IotdaJson.request(EventType.SUB_DEVICE_SYNC_REQUEST, EventIds.next(),
                    EventTime.now(clock), new SyncRequestParas(version)), qos);
            LOG.info("Gateway {} reconnected: asked the platform for the child-device changes since version {}",
                    connection.getClientId(), version);
        } catch (GatewayException e) {
            LOG.warn("Gateway {} could not ask for a child-device sync after reconnecting: {}", connection.getClientId(),
                    e.getMessage());
        }
    }

    private void track(InboundMessage notice) {
        if (!(notice.body() instanceof IotdaMessage message)) {
            return;
        }
        for (ServiceEvent service : message.services()) {
            Long version = ChildListVersion.of(service.paras());
            if (version != null) {
                lastVersion.accumulateAndGet(version, (a, b) -> a == null ? b : Math.max(a, b));
            }
        }
    }
}
