package io.github.camel.iotgateway.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the fleet rows' own, a separate process on a free port of 127.0.0.1: the shared one on 1883 has the
 * default file limit and other users, and the fleet rows kill their broker on purpose. No connection limit, and a file
 * limit raised for a thousand sockets and more.
 */
final class FleetBroker implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    /** Files the broker may open: one socket per gateway, and room over the thousand the rows connect. */
    private static final int FILE_LIMIT = 65_536;
    private static final long LISTEN_WAIT_MILLIS = 10_000;

    private final Path dir;
    private final Path config;
    /** The same listener refusing every CONNECT (no anonymous clients, no password file): "not authorized". */
    private final Path refusing;
    private final int port;
    private Process process;

    private FleetBroker(Path dir, Path config, Path refusing, int port) {
        this.dir = dir;
        this.config = config;
        this.refusing = refusing;
        this.port = port;
    }

    /** Starts {@code mosquitto} (from the PATH) on a free port. */
    static FleetBroker start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("bench-fleet-mosquitto");
        Path config = dir.resolve("mosquitto.conf");
        Files.write(config, configuration(dir, port, true));
        Path refusing = dir.resolve("refusing.conf");
        Files.write(refusing, configuration(dir, port, false));
        FleetBroker broker = new FleetBroker(dir, config, refusing, port);
        broker.launch(config);
        Progress.log("fleet broker: mosquitto -c %s (its log beside it)", config);
        return broker;
    }

    private static List<String> configuration(Path dir, int port, boolean anonymous) {
        return List.of(
                "listener " + port + " " + HOST,
                "allow_anonymous " + anonymous,
                "max_connections -1",
                "persistence false",
                // connects and disconnects only, for a look afterwards: the rows measure in the JVM
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_timestamp_format %Y-%m-%dT%H:%M:%S");
    }

    /** What {@code mosquitto -h} says of its version, e.g. {@code 2.0.11}; "(version unknown)" else. */
    static String version() {
        try {
            Process help = new ProcessBuilder("mosquitto", "-h").redirectErrorStream(true).start();
            String first = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().findFirst().orElse("");
            help.waitFor(5, TimeUnit.SECONDS);
            return first.startsWith("mosquitto version ") ? first.substring("mosquitto version ".length()).strip()
                    : "(version unknown)";
        } catch (IOException | InterruptedException e) {
            return "(version unknown)";
        }
    }

    String url() {
        return "tcp://" + HOST + ":" + port;
    }

    int port() {
        return port;
    }

    /** Kills the broker (SIGKILL: no goodbye to its clients, as a crash) and waits for the process to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("mosquitto did not end within 10 s of SIGKILL");
        }
    }

    /** Starts the broker again on the same port and returns once it accepts connections. */
    void restart() throws IOException, InterruptedException {
        launch(config);
    }

    /**
     * Stops the broker without closing a socket (SIGSTOP): its clients stay connected, and a connect in flight waits,
     * until {@link #refuseConnects()} or {@link #kill()}.
     */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /**
     * Kills the broker and starts it again refusing every CONNECT as not authorized: a gateway refused so does not
     * retry, and a CamelContext starting gateways fails its start at the next one instead of going on for minutes.
     */
    void refuseConnects() throws IOException, InterruptedException {
        kill();
        launch(refusing);
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    private void launch(Path file) throws IOException, InterruptedException {
        // a shell to raise the file limit first; the hard limit caps it when it is lower and the shell is not root
        String command = "ulimit -n " + FILE_LIMIT + " 2>/dev/null || ulimit -n $(ulimit -Hn); exec mosquitto -c "
                         + file;
        process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        long deadline = System.currentTimeMillis() + LISTEN_WAIT_MILLIS;
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto ended at start with status " + process.exitValue() + ": "
                                                + Files.readString(dir.resolve("stdout.log")).strip());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("mosquitto did not listen on " + url() + " within "
                                                + LISTEN_WAIT_MILLIS + " ms");
            }
            Thread.sleep(5);
        }
    }

    /** Whether the port takes a TCP connection: Mosquitto closes it without a CONNECT, nothing else happens. */
    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The open-file limit the broker runs with, as the kernel reports it. */
    String fileLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/limits")).stream()
                    .filter(l -> l.startsWith("Max open files")).findFirst()
                    .map(l -> l.replaceAll("^Max open files\\s+(\\S+).*", "$1")).orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
