package io.github.camel.iotgateway.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camel.iotgateway.mqtt.GatewaySockets;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What a TLS fleet pays for each gateway building its own TLS set-up (the JVM's CAs, a trust manager that remembers
 * refused chains, an SSL context): CPU time per gateway, in rounds of 100 so the warm-up shows, and heap kept per
 * gateway. The fleet rows connect over tcp, so they do not include it. Not part of the benchmark run:
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     io.github.camel.iotgateway.benchmarks.TlsSetupCost
 * </pre>
 *
 * (the classpath from {@code mvn -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}).
 */
public final class TlsSetupCost {

    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 100;
    private static final int KEPT = 500;

    private TlsSetupCost() {
    }

    public static void main(String[] args) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (int round = 1; round <= ROUNDS; round++) {
                long began = System.nanoTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    GatewaySockets.socketFactory(camel, "ssl://localhost:8883", null, null);
                }
                System.out.printf(Locale.ROOT, "round %d: %.2f ms per gateway%n", round,
                        (System.nanoTime() - began) / 1e6 / PER_ROUND);
            }
            List<Object> kept = new ArrayList<>();
            long before = LiveHeap.bytes();
            for (int i = 0; i < KEPT; i++) {
                kept.add(GatewaySockets.socketFactory(camel, "ssl://localhost:8883", null, null));
            }
            long after = LiveHeap.bytes();
            System.out.printf(Locale.ROOT, "heap kept: %.1f KB per gateway (%d kept)%n",
                    (after - before) / 1024.0 / kept.size(), kept.size());
        }
    }
}
