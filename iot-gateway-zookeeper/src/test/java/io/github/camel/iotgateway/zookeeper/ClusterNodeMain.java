package io.github.camel.iotgateway.zookeeper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camel.iotgateway.zookeeper.AlinkClusterNode.Gateway;
import org.apache.camel.Exchange;

/**
 * An {@link AlinkClusterNode} in a JVM of its own, so a test can kill it for real (kill -9). Told what to do by lines
 * on stdin; says what happened in lines on stdout that start with {@code NODE }:
 * <ul>
 * <li>{@code NODE UP}: started; {@code NODE LEADS <i,j,...>} each time the set of gateways it leads changes;</li>
 * <li>{@code login <gw> <from> <to>}: logs sub-devices {@code ha-<from>..ha-<to - 1>} in, one after the other, then
 * {@code NODE LOGGED-IN <n ok>};</li>
 * <li>{@code logout <gw> <from> <to>}: sends their logouts at once; each exchange that ends prints
 * {@code NODE ENDED <exchangeId> <device> <outcome>} (outcome {@code 200} or the exception's simple name);</li>
 * <li>{@code probe <gw> <device>}: logs {@code device} in every 100 ms until it succeeds, then
 * {@code NODE FIRST-SUCCESS <epoch millis>}; each failed try prints {@code NODE PROBE-FAILED <exception>}.</li>
 * </ul>
 * Arguments: name, ZooKeeper connect string, broker URL, session timeout millis, spread (true/false), then the
 * gateways as {@code PK.DN}.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Gateway> gateways = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            int dot = args[i].indexOf('.');
            gateways.add(new Gateway(args[i].substring(0, dot), args[i].substring(dot + 1)));
        }
        AlinkClusterNode node = AlinkClusterNode.onZooKeeper(args[0], args[1], args[2], gateways, Integer.parseInt(args[3]),
                Boolean.parseBoolean(args[4]));
        say("UP");
        Thread watcher = new Thread(() -> watchLeadership(node, gateways.size()), "leadership-watcher");
        watcher.setDaemon(true);
        watcher.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.trim().split(" ");
            switch (cmd[0]) {
                case "login" -> login(node, Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]), Integer.parseInt(cmd[3]));
                case "logout" -> logout(node, Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]), Integer.parseInt(cmd[3]));
                case "probe" -> new Thread(() -> probe(node, Integer.parseInt(cmd[1]), cmd[2]), "probe").start();
                case "stop" -> {
                    node.close();
                    say("STOPPED");
                    System.exit(0);
                }
                default -> say("UNKNOWN " + line);
            }
        }
        node.close();
    }

    private static void watchLeadership(AlinkClusterNode node, int gateways) {
        String last = null;
        while (true) {
            String led = IntStream.range(0, gateways).filter(node::leads).mapToObj(Integer::toString)
                    .collect(Collectors.joining(","));
            if (!led.equals(last)) {
                say("LEADS " + (led.isEmpty() ? "-" : led));
                last = led;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void login(AlinkClusterNode node, int gateway, int from, int to) {
        int ok = 0;
        for (int i = from; i < to; i++) {
            String device = device(i);
            Exchange done = node.login(gateway, ClusterTests.SUB_PK, device, ClusterTests.secretOf(device));
            ok += done.getException() == null ? 1 : 0;
        }
        say("LOGGED-IN " + ok);
    }

    private static void logout(AlinkClusterNode node, int gateway, int from, int to) {
        for (int i = from; i < to; i++) {
            String device = device(i);
            CompletableFuture<Exchange> sent = node.logoutAsync(gateway, ClusterTests.SUB_PK, device);
            sent.whenComplete((done, failure) -> say("ENDED " + (done == null ? "?" : done.getExchangeId()) + " "
                                                     + device + " " + outcome(done, failure)));
        }
        say("LOGOUTS-SENT " + (to - from));
    }

    private static void probe(AlinkClusterNode node, int gateway, String device) {
        while (true) {
            Exchange done = node.login(gateway, ClusterTests.SUB_PK, device, ClusterTests.secretOf(device));
            if (done.getException() == null) {
                say("FIRST-SUCCESS " + System.currentTimeMillis());
                return;
            }
            say("PROBE-FAILED " + done.getException().getClass().getSimpleName());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String outcome(Exchange done, Throwable failure) {
        if (failure != null) {
            return failure.getClass().getSimpleName();
        }
        return done.getException() != null ? done.getException().getClass().getSimpleName() : "200";
    }

    static String device(int i) {
        return String.format("ha-%04d", i);
    }

    private static synchronized void say(String line) {
        System.out.println("NODE " + line);
        System.out.flush();
    }
}
