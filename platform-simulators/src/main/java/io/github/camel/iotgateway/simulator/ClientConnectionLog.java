package io.github.camel.iotgateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.core.remoting.FailureListener;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Every MQTT connection the broker accepted, with its clientId and when it opened and closed, as the broker saw them:
 * what a test asserts when it must prove that a gateway never held two connections at once (the clouds kick the first
 * when a second connects with the same clientId). A connection counts as open from the broker's accepting CONNACK
 * until the broker closes it, for whatever reason (DISCONNECT, a dead socket, a kill -9 of the client, a takeover).
 */
public final class ClientConnectionLog {

    /** One accepted connection; {@code closedAtMillis} is 0 while it is open. */
    public record Connection(String clientId, long openedAtMillis, long closedAtMillis) {
        boolean openAt(long millis) {
            return openedAtMillis <= millis && (closedAtMillis == 0 || closedAtMillis > millis);
        }
    }

    private final Map<Object, String> connecting = new ConcurrentHashMap<>();
    private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    /** Sees each CONNECT (incoming) to learn its clientId. */
    final MQTTInterceptor incoming = this::onIncoming;
    /** Sees each CONNACK (outgoing): an accepted one opens the connection. */
    final MQTTInterceptor outgoing = this::onOutgoing;

    private boolean onIncoming(MqttMessage packet, RemotingConnection connection) {
        if (packet.fixedHeader().messageType() == MqttMessageType.CONNECT) {
            connecting.put(connection.getID(), ((MqttConnectMessage) packet).payload().clientIdentifier());
        }
        return true;
    }

    private boolean onOutgoing(MqttMessage packet, RemotingConnection connection) {
        if (packet.fixedHeader().messageType() != MqttMessageType.CONNACK) {
            return true;
        }
        String clientId = connecting.remove(connection.getID());
        if (clientId != null && ((MqttConnAckMessage) packet).variableHeader().connectReturnCode()
                                == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            Entry entry = new Entry(clientId, System.currentTimeMillis(), closeListeners);
            synchronized (this) {
                entries.add(entry);
            }
            connection.addCloseListener(entry::closed);
            connection.addFailureListener(new FailureListener() {
                @Override
                public void connectionFailed(ActiveMQException exception,
                                             boolean failedOver) {
                    entry.closed();
                }

                @Override
                public void connectionFailed(ActiveMQException exception,
                                             boolean failedOver, String scaleDownTargetNodeID) {
                    entry.closed();
                }
            });
        }
        return true;
    }

    /** The accepted connections whose clientId matches, in the order they opened. */
    public synchronized List<Connection> connections(Predicate<String> clientIds) {
        return entries.stream().filter(e -> clientIds.test(e.clientId)).map(Entry::snapshot).toList();
    }

    /** Connections of matching clientIds open now. */
    public long openNow(Predicate<String> clientIds) {
        return connections(clientIds).stream().filter(c -> c.closedAtMillis() == 0).count();
    }

    /**
     * The most connections of matching clientIds that were ever open at the same moment: 1 for a gateway that never
     * overlapped itself.
     */
    public int maxOpenAtOnce(Predicate<String> clientIds) {
        List<Connection> all = connections(clientIds);
        int most = 0;
        for (Connection c : all) {
            long at = c.openedAtMillis();
            most = Math.max(most, (int) all.stream().filter(other -> other.openAt(at)).count());
        }
        return most;
    }

    /** Told the clientId of each accepted connection the broker closes, once, on the broker's thread. */
    public void onClosed(Consumer<String> listener) {
        closeListeners.add(listener);
    }

    synchronized void clear() {
        entries.clear();
    }

    private static final class Entry {
        private final String clientId;
        private final long openedAtMillis;
        private final List<Consumer<String>> listeners;
        private volatile long closedAtMillis;

        private Entry(String clientId, long openedAtMillis, List<Consumer<String>> listeners) {
            this.clientId = clientId;
            this.openedAtMillis = openedAtMillis;
            this.listeners = listeners;
        }

        private void closed() {
            synchronized (this) {
                if (closedAtMillis != 0) {
                    return;
                }
                closedAtMillis = Math.max(openedAtMillis, System.currentTimeMillis());
            }
            listeners.forEach(listener -> listener.accept(clientId));
        }

        private Connection snapshot() {
            return new Connection(clientId, openedAtMillis, closedAtMillis);
        }
    }
}
