package io.github.camel.iotgateway.simulator;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An MQTT 3.1.1 broker in this JVM, for tests and the zero-setup demo: embedded ActiveMQ Artemis with one MQTT acceptor
 * on 127.0.0.1. Persistence, JMX and Artemis security are off; its instance directory is a temp directory deleted on
 * {@link #close()}.
 *
 * <p>It counts the PUBLISH packets clients send, per topic and QoS, as the broker sees them ({@link #publishCount}),
 * and can refuse CONNECTs with return code 4 ({@link #setConnectAuthenticator}). {@link #restart()} stops it and starts
 * it again on the same port, to test how clients ride out a broker outage.
 *
 * <p>It also speaks MQTT 3.1, with ClientIds of any length as the clouds take them (not the 3.1 spec's 23 characters):
 * Paho at its default version retries a refused CONNECT as 3.1, and that retry is refused with 4 too, not dropped.
 *
 * <p><b>Logging:</b> Artemis audit-logs every message at INFO through SLF4J, which floods the log and slows the broker
 * down (hundreds of MB in a minute of load). This module ships no logging configuration; an application or test that
 * uses this broker must set the loggers {@code org.apache.activemq.audit} (and preferably {@code
 * org.apache.activemq.artemis}) to WARN, e.g. for slf4j-simple in {@code simplelogger.properties}:
 * <pre>
 * org.slf4j.simpleLogger.log.org.apache.activemq.audit=warn
 * org.slf4j.simpleLogger.log.org.apache.activemq.artemis=warn
 * </pre>
 *
 * <p>Start it before any client that connects at startup (a Camel context): Paho does not retry an initial connect.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final String ACCEPTOR = "mqtt";
    private static final String PLAIN_ACCEPTOR = "mqtt-plain";

    private final Path instanceDir;
    private final PublishCounter publishCounter = new PublishCounter();
    private final ConnectGuard connectGuard = new ConnectGuard();
    private final ClientConnectionLog connectionLog = new ClientConnectionLog();
    private int port;
    private EmbeddedActiveMQ server;
    private boolean closed;

    /** The port of the plain listener a TLS broker also has, for the platform side; 0 until started. */
    private int plainPort;

    /** The TLS key store of the listener, or null for plain TCP. */
    private final TlsKeyStore tls;

    private EmbeddedMqttBroker(Path instanceDir, int port, TlsKeyStore tls) {
        this.instanceDir = instanceDir;
        this.port = port;
        this.tls = tls;
    }

    /** A PKCS12 key store holding the broker's key and certificate, for a TLS listener. */
    public record TlsKeyStore(Path path, String password) {
        @Override
        public String toString() {
            return "TlsKeyStore[" + path + ", password=***]";
        }
    }

    /** Starts a broker on a free port of 127.0.0.1. */
    public static EmbeddedMqttBroker start() {
        return start(0);
    }

    /** Starts a broker on the given port of 127.0.0.1; 0 picks a free one. */
    public static EmbeddedMqttBroker start(int port) {
        return start(port, null);
    }

    /**
     * Starts a broker whose listener speaks TLS with the key and certificate of {@code keyStore}; its URL is then
     * {@code ssl://127.0.0.1:PORT}.
     */
    public static EmbeddedMqttBroker startTls(int port, TlsKeyStore keyStore) {
        return start(port, java.util.Objects.requireNonNull(keyStore, "keyStore"));
    }

    private static EmbeddedMqttBroker start(int port, TlsKeyStore tls) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535 but was " + port);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("embedded-mqtt-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker's instance directory", e);
        }
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(dir, port, tls);
        try {
            broker.startServer();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code tcp://127.0.0.1:PORT} ({@code ssl://} for a TLS listener), for Paho and camel-paho. */
    public String brokerUrl() {
        return (tls == null ? "tcp://" : "ssl://") + HOST + ":" + port;
    }

    /**
     * A plain {@code tcp://} URL of this broker: for a TLS broker its second, plain listener, which the platform
     * simulators use (they play the cloud, not a device); otherwise {@link #brokerUrl()}.
     */
    public String plainBrokerUrl() {
        return tls == null ? brokerUrl() : "tcp://" + HOST + ":" + plainPort;
    }

    /** The port the broker listens on; stays the same across {@link #restart()}. */
    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker, dropping every client connection. The port and the counts are kept for a restart. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded MQTT broker on port " + port + " did not stop cleanly", e);
        } finally {
            server = null;
        }
        LOG.info("Embedded MQTT broker on port {} stopped", port);
    }

    /** Stops the broker if it runs, then starts it again on the same port. Counts are kept. */
    public synchronized void restart() {
        requireOpen();
        stop();
        startServer();
    }

    /**
     * The PUBLISH packets clients sent to exactly this MQTT topic name since start or {@link #resetCounts()}, whatever
     * their QoS. A packet counts when the broker reads it, which may be a moment after a client's QoS 0 publish
     * returns: poll, do not read once.
     */
    public long publishCount(String mqttTopic) {
        return publishCounter.count(mqttTopic);
    }

    /** For the topic, QoS level to number of PUBLISH packets clients sent at that level; levels not seen are absent. */
    public Map<Integer, Long> qosCounts(String mqttTopic) {
        return publishCounter.countsByQos(mqttTopic);
    }

    /** Every connection the broker accepted, with its clientId and when it opened and closed. Kept across restarts. */
    public ClientConnectionLog connectionLog() {
        return connectionLog;
    }

    public void resetCounts() {
        publishCounter.reset();
    }

    /**
     * Checks every following CONNECT with the authenticator (refusals get return code 4); {@code null} accepts every
     * client again. Clients already connected stay connected.
     */
    public void setConnectAuthenticator(ConnectAuthenticator authenticator) {
        connectGuard.setAuthenticator(authenticator);
    }

    /** The temp directory Artemis runs in; gone after {@link #close()}. */
    Path instanceDir() {
        return instanceDir;
    }

    /** Stops the broker and deletes its instance directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            deleteRecursively(instanceDir);
        }
    }

    private void startServer() {
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration());
        try {
            embedded.createActiveMQServer();
            ActiveMQServer activeMq = embedded.getActiveMQServer();
            // interceptors registered here reach the MQTT protocol manager the acceptor creates on start
            activeMq.getServiceRegistry().addIncomingInterceptor(connectGuard);
            activeMq.getServiceRegistry().addIncomingInterceptor(publishCounter);
            activeMq.getServiceRegistry().addIncomingInterceptor(connectionLog.incoming);
            activeMq.getServiceRegistry().addOutgoingInterceptor(connectionLog.outgoing);
            embedded.start();
        } catch (Exception e) {
            stopQuietly(embedded);
            throw new IllegalStateException("Embedded MQTT broker did not start on " + HOST + ":" + port, e);
        }
        server = embedded;
        // with port 0 the acceptor bound a free port: keep it so a restart comes back on the same one
        port = embedded.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR).getActualPort();
        if (tls != null) {
            plainPort = embedded.getActiveMQServer().getRemotingService().getAcceptor(PLAIN_ACCEPTOR).getActualPort();
        }
        LOG.info("Embedded MQTT broker listening on {}", brokerUrl());
    }

    private Configuration configuration() {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("embedded-mqtt-broker");
        config.setPersistenceEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setSecurityEnabled(false);
        // a nearly full disk must not block producers of a broker that writes nothing
        config.setMaxDiskUsage(-1);
        // no analyzer that halts the JVM when a noisy CI box stalls a thread
        config.setCriticalAnalyzer(false);
        config.setBrokerInstance(instanceDir.toFile());
        config.setJournalDirectory(instanceDir.resolve("journal").toString());
        config.setBindingsDirectory(instanceDir.resolve("bindings").toString());
        config.setPagingDirectory(instanceDir.resolve("paging").toString());
        config.setLargeMessagesDirectory(instanceDir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(instanceDir.toString());
        // every MQTT subscription is a queue; without these two addresses each new queue logs WARN AMQ222165/222166
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of("DLA"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        // a refused CONNECT retried as MQTT 3.1 with a long ClientId must be answered, not dropped (Mqtt31ClientIds)
        config.registerBrokerPlugin(new Mqtt31ClientIds());
        try {
            config.addAcceptorConfiguration(ACCEPTOR, "tcp://" + HOST + ":" + port + "?protocols=MQTT" + (tls == null ? ""
                    : ";sslEnabled=true;keyStoreType=PKCS12;keyStorePath=" + tls.path().toAbsolutePath()
                      + ";keyStorePassword=" + tls.password()));
            if (tls != null) {
                // the platform side (the simulators) plays the cloud, which needs no TLS to its own broker
                config.addAcceptorConfiguration(PLAIN_ACCEPTOR, "tcp://" + HOST + ":" + plainPort + "?protocols=MQTT");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Bad acceptor URL for port " + port, e);
        }
        return config;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Embedded MQTT broker was closed");
        }
    }

    private static void stopQuietly(EmbeddedActiveMQ embedded) {
        try {
            embedded.stop();
        } catch (Exception | LinkageError ignored) {
            // start failed already; that failure is the one to report
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the broker instance directory {}: {}", dir, e.getMessage());
        }
    }
}
