package io.github.camel.iotgateway.huawei;

import java.time.Clock;
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
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway that was offline (a lost link, or a process that was down) missed the platform's add/delete notices. On
 * every connect, the first included, this asks for them with a {@code sub_device_sync_request} carrying the version of
 * the last child-device notice the gateway saw (docs/protocol-notes.md B.6, B.7), as Huawei's own device SDK does; the
 * platform answers with the notices made since, which reach the {@code huaweiiot:events} route as usual.
 * <p>
 * The version is kept in a Camel {@link StateRepository} under the gateway's device_id, so a restarted process (with
 * a persistent repository such as {@code FileStateRepository}) asks from where the previous one stopped.
 */
final class ChildListSync implements GatewayConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChildListSync.class);

    private final GatewayConnection connection;
    private final IotdaTopics topics;
    private final int qos;
    private final StateRepository<String, String> versions;
    private final Clock clock = Clock.systemUTC();

    /** Remembers the version of every add/delete notice, whether or not an events route takes them. */
    final Consumer<InboundMessage> versionTracker = this::track;

    ChildListSync(GatewayConnection connection, IotdaTopics topics, int qos, StateRepository<String, String> versions) {
        this.connection = connection;
        this.topics = topics;
        this.qos = qos;
        this.versions = versions;
    }

    /** The version of the last child-device notice seen, by this process or (persisted) an earlier one. */
    Long lastVersion() {
        String stored = versions.getState(topics.gatewayDeviceId());
        return stored == null || !stored.matches("-?\\d{1,18}") ? null : Long.valueOf(stored);
    }

    @Override
    public void connected(boolean reconnect) {
        Long version = lastVersion();
        try {
            connection.publish(topics.eventsUp(), IotdaJson.request(EventType.SUB_DEVICE_SYNC_REQUEST, EventIds.next(),
                    EventTime.now(clock), new SyncRequestParas(version)), qos);
            LOG.info("Gateway {} {}: asked the platform for the child-device changes since version {}",
                    connection.displayName(), reconnect ? "reconnected" : "connected", version);
        } catch (GatewayException e) {
            LOG.warn("Gateway {} could not ask for a child-device sync after connecting: {}", connection.displayName(),
                    e.getMessage());
        }
    }

    private synchronized void track(InboundMessage notice) {
        if (!(notice.body() instanceof IotdaMessage message)) {
            return;
        }
        for (ServiceEvent service : message.services()) {
            Long version = ChildListVersion.of(service.paras());
            Long last = lastVersion();
            if (version != null && (last == null || version > last)) {
                versions.setState(topics.gatewayDeviceId(), version.toString());
            }
        }
    }
}
