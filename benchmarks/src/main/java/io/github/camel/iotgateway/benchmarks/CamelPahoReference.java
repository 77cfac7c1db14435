package io.github.camel.iotgateway.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.MessageIdSequence;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SessionTopics;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.paho.PahoConstants;
import org.apache.camel.component.paho.PahoEndpoint;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * For reference: the same logout request/reply written by hand with plain camel-paho routes and its stock settings
 * (qos 2, maxInflight 10, Paho's own sockets, a connection per endpoint). A {@code paho:} producer publishes the
 * logout; a {@code paho:…/logout_reply} consumer route completes the waiting future by id. Bounded: few requests,
 * short timeouts, and a stop after consecutive timeouts.
 */
final class CamelPahoReference {

    private static final int STOP_AFTER_CONSECUTIVE_TIMEOUTS = 3;
    private static final long SEQUENTIAL_TIMEOUT_MILLIS = 1000;
    private static final long PIPELINED_BOUND_MILLIS = 30_000;

    private final BenchSettings settings;
    private final String brokerUrl;
    private final Identities ids;
    private final SubDeviceId[] devices;

    CamelPahoReference(BenchSettings settings, String brokerUrl, Identities ids) {
        this.settings = settings;
        this.brokerUrl = brokerUrl;
        this.ids = ids;
        this.devices = Identities.alinkSubDevices(Math.max(settings.stockSequential(), settings.stockPipelined()));
    }

    /**
     * @param rawSequential the raw Paho sequential median of measurement 1
     * @param rawPipelined  the raw Paho pipelined throughput of measurement 4
     */
    List<Row> run(Figure rawSequential, Figure rawPipelined) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Routes stock = new Routes("Stock", "")) {
            rows.add(stock.sequentialRow("R1. camel-paho routes, all stock (qos=2 default), sequential",
                    rawSequential));
        }
        try (Routes qos0 = new Routes("Qos0", "&qos=0")) {
            rows.add(qos0.sequentialRow("R2. camel-paho routes, stock but qos=0, sequential", rawSequential));
            rows.add(qos0.pipelinedRow(String.format(
                    "R3. camel-paho routes, stock but qos=0, %,d in flight (requests/s)",
                    settings.window()), rawPipelined));
        }
        return rows;
    }

    /** One gateway identity with its simulator, and a context running the two hand-written routes. */
    private final class Routes implements AutoCloseable {

        private final AlinkPlatformSimulator platform;
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final Endpoint publisher;
        private final SessionTopics topics;
        private final MessageIdSequence messageIds = new MessageIdSequence();
        private final Map<String, CompletableFuture<AlinkReply>> pending = new ConcurrentHashMap<>();

        Routes(String arm, String options) throws Exception {
            String gateway = ids.alinkGateway("Paho" + arm);
            platform = AlinkBenchmarks.simulator(brokerUrl, gateway);
            topics = new SessionTopics(gateway, AlinkBenchmarks.GATEWAY_DEVICE_NAME);
            String replyUri = "paho:" + topics.reply(SessionOperation.LOGOUT) + "?brokerUrl=" + brokerUrl + options;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(replyUri).routeId("logout-replies")
                            .process(e -> complete(e.getMessage().getBody(byte[].class)));
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
            publisher = camel.getEndpoint("paho:logout-requests?brokerUrl=" + brokerUrl + options);
            String subscribed = ((PahoEndpoint) camel.getRoute("logout-replies").getEndpoint()).getTopic();
            if (!subscribed.equals(topics.reply(SessionOperation.LOGOUT))) {
                throw new IllegalStateException("camel-paho subscribed to '" + subscribed + "'");
            }
        }

        Row sequentialRow(String measurement, Figure rawSequential) throws InterruptedException {
            int n = settings.stockSequential();
            giveSessions(n);
            List<Double> answered = new ArrayList<>();
            int sent = 0;
            int consecutiveTimeouts = 0;
            long start = System.nanoTime();
            while (sent < n && consecutiveTimeouts < STOP_AFTER_CONSECUTIVE_TIMEOUTS) {
                long t0 = System.nanoTime();
                CompletableFuture<AlinkReply> reply = publish(devices[sent++], SEQUENTIAL_TIMEOUT_MILLIS);
                try {
                    AlinkReply answer = reply.get(SEQUENTIAL_TIMEOUT_MILLIS + 500, TimeUnit.MILLISECONDS);
                    if (answer.code() == AlinkCodes.SUCCESS) {
                        answered.add((System.nanoTime() - t0) / 1e6);
                    }
                    consecutiveTimeouts = 0;
                } catch (Exception timedOutOrFailed) {
                    consecutiveTimeouts++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Progress.log("%s: %d of %d answered in %.1f s", measurement, answered.size(), sent, seconds);
            String base = rawSequential.describe();
            if (answered.isEmpty()) {
                return Row.reference(measurement, String.format(Locale.ROOT,
                        "**no reply**: 0 of %d answered (%d s timeout each, stopped after %d); the simulator"
                        + " recorded %d violations, e.g. \"%s\"",
                        sent, SEQUENTIAL_TIMEOUT_MILLIS / 1000, STOP_AFTER_CONSECUTIVE_TIMEOUTS,
                        platform.violations().size(), firstViolation()), base, Double.NaN);
            }
            double[] millis = answered.stream().mapToDouble(Double::doubleValue).toArray();
            double median = Samples.median(millis);
            String text = String.format(Locale.ROOT, "median %.3f ms, p99 %.3f ms; %d of %d answered", median,
                    Samples.percentile(millis, 99), answered.size(), sent);
            return Row.reference(measurement, text, base, median / rawSequential.median());
        }

        Row pipelinedRow(String measurement, Figure rawPipelined) throws InterruptedException {
            int n = settings.stockPipelined();
            giveSessions(n);
            Pipeline.Outcome outcome = Pipeline.run(n, settings.window(),
                    i -> publish(devices[i], settings.requestTimeoutMillis())
                            .thenApply(reply -> reply.code() == AlinkCodes.SUCCESS ? 1 : 0),
                    PIPELINED_BOUND_MILLIS);
            long failed = n - outcome.devicesDone();
            Progress.log("%s: %d of %d answered in %.1f s", measurement, outcome.devicesDone(), n, outcome.seconds());
            String text = String.format(Locale.ROOT, "%,.0f /s; %,d of %,d answered in %.1f s%s",
                    outcome.devicesPerSecond(), outcome.devicesDone(), n, outcome.seconds(),
                    failed == 0 ? "" : " (**" + failed + " lost or timed out**)");
            return Row.reference(measurement, text, rawPipelined.describe(),
                    outcome.devicesPerSecond() / rawPipelined.median());
        }

        /** Publishes a logout through the paho producer (synchronous, as camel-paho is) and returns its reply. */
        private CompletableFuture<AlinkReply> publish(SubDeviceId device, long timeoutMillis) {
            String id = messageIds.next();
            CompletableFuture<AlinkReply> reply = new CompletableFuture<>();
            pending.put(id, reply);
            reply.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((r, failure) -> pending.remove(id));
            Exchange exchange = publisher.createExchange();
            exchange.getMessage().setBody(AlinkJson.request(id, device));
            exchange.getMessage().setHeader(PahoConstants.CAMEL_PAHO_OVERRIDE_TOPIC,
                    topics.request(SessionOperation.LOGOUT));
            template.send(publisher, exchange);
            if (exchange.getException() != null) {
                reply.completeExceptionally(exchange.getException());
            }
            return reply;
        }

        private void complete(byte[] payload) {
            AlinkReply reply = AlinkJson.readReply(payload);
            CompletableFuture<AlinkReply> waiting = pending.remove(reply.id());
            if (waiting != null) {
                waiting.complete(reply);
            }
        }

        private void giveSessions(int count) {
            for (int i = 0; i < count; i++) {
                platform.setOnline(devices[i].productKey(), devices[i].deviceName());
            }
        }

        private String firstViolation() {
            List<String> violations = platform.violations();
            return violations.isEmpty() ? "none" : violations.get(0);
        }

        @Override
        public void close() {
            camel.stop();
            platform.close();
        }
    }
}
