package io.github.camel.iotgateway.zookeeper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.github.camel.iotgateway.zookeeper.AlinkClusterNode.Gateway;

import static org.awaitility.Awaitility.await;

/**
 * A {@link ClusterNodeMain} in a JVM of its own, on this test's classpath: what it says is collected, and
 * {@link #kill()} ends it as kill -9 does (no shutdown hook, no DISCONNECT, sockets closed by the OS).
 */
final class ClusterNodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final Path log;

    ClusterNodeProcess(String name, String zooKeeper, String brokerUrl, int sessionTimeoutMillis, boolean spread,
                       List<Gateway> gateways) throws IOException {
        this.name = name;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ClusterNodeMain.class.getName(), name, zooKeeper, brokerUrl, Integer.toString(sessionTimeoutMillis),
                Boolean.toString(spread)));
        gateways.forEach(g -> command.add(g.productKey() + "." + g.deviceName()));
        log = Files.createTempFile("cluster-node-" + name + "-", ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "node-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.println(line);
                file.flush();
                if (line.startsWith("NODE ")) {
                    said.add(line.substring(5));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    String name() {
        return name;
    }

    void tell(String command) {
        commands.println(command);
    }

    /** What the node said, in order. */
    List<String> said() {
        return List.copyOf(said);
    }

    List<String> said(String prefix) {
        return said.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    String awaitSaid(Predicate<String> line, Duration within) {
        await().atMost(within).until(() -> said.stream().anyMatch(line) || !process.isAlive());
        return said.stream().filter(line).findFirst().orElseThrow(() -> new AssertionError(
                "node " + name + " ended without saying what was expected; its log: " + log));
    }

    /** The gateways it said it leads last (indexes), empty for none. */
    List<Integer> leads() {
        List<String> leads = said("LEADS ");
        if (leads.isEmpty()) {
            return List.of();
        }
        String last = leads.get(leads.size() - 1).substring(6);
        return last.equals("-") ? List.of() : java.util.Arrays.stream(last.split(",")).map(Integer::valueOf).toList();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            tell("stop");
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
