package io.github.camel.iotgateway.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.benchmarks.Rounds.RoundResult;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * alink-session against raw Paho: sequential latency (1), batching throughput (2) and unbatched pipelined throughput
 * (4). Each arm has a gateway identity and an {@link AlinkPlatformSimulator} of its own, configured alike, on the same
 * broker; before every round the arm's sub-devices are given a session so that every logout succeeds.
 */
final class AlinkBenchmarks implements AutoCloseable {

    static final String GATEWAY_DEVICE_NAME = "gw-01";

    private final BenchSettings settings;
    private final SubDeviceId[] devices;
    /** The same devices as a list, made once: slicing it per batch must not copy 10,000 entries each time. */
    private final List<SubDeviceId> deviceList;
    private final AlinkPlatformSimulator componentPlatform;
    private final AlinkPlatformSimulator rawPlatform;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint unbatched;
    private final Endpoint batched;
    private final RawAlinkClient raw;

    private Figure rawSequentialMedian;
    private Figure rawPipelinedThroughput;

    private AlinkBenchmarks(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        this.settings = settings;
        this.devices = Identities.alinkSubDevices(settings.devicesNeeded());
        this.deviceList = List.of(devices);
        String componentGateway = ids.alinkGateway("Comp");
        String rawGateway = ids.alinkGateway("Raw");
        componentPlatform = simulator(brokerUrl, componentGateway);
        rawPlatform = simulator(brokerUrl, rawGateway);
        camel = new DefaultCamelContext();
        AlinkSessionComponent alink = new AlinkSessionComponent();
        alink.getConfiguration().setBrokerUrl(brokerUrl);
        alink.getConfiguration().setGatewayProductKey(componentGateway);
        alink.getConfiguration().setGatewayDeviceName(GATEWAY_DEVICE_NAME);
        alink.getConfiguration().setRequestTimeout(settings.requestTimeoutMillis());
        camel.addComponent("alink-session", alink);
        camel.start();
        template = camel.createProducerTemplate();
        // asyncSend hands the exchange to the producer on the calling thread, as a route's to() would, instead of
        // through the template's own thread pool
        template.setThreadedAsyncMode(false);
        unbatched = camel.getEndpoint("alink-session:logout?batching=false");
        batched = camel.getEndpoint("alink-session:logout?batching=true");
        raw = RawAlinkClient.connect(brokerUrl, rawGateway, GATEWAY_DEVICE_NAME);
    }

    static AlinkBenchmarks start(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        return new AlinkBenchmarks(settings, brokerUrl, ids);
    }

    static AlinkPlatformSimulator simulator(String brokerUrl, String gatewayProductKey) {
        // the cap counts logins only; the benchmark gives sessions with setOnline, which it does not check
        return AlinkPlatformSimulator.builder(brokerUrl, gatewayProductKey, GATEWAY_DEVICE_NAME).start();
    }

    /** 1: one synchronous logout at a time, batching off; median and p99 per round trip. */
    List<Row> sequential() throws Exception {
        Rounds.Paired result = Rounds.interleave("1 sequential logout", settings.warmups(), settings.rounds(),
                this::componentSequential, this::rawSequential);
        rawSequentialMedian = result.baseline(0, Figure.Unit.MILLIS);
        return List.of(
                Row.compare("1a. Sequential `logout` (batching=false), median round trip",
                        result.component(0, Figure.Unit.MILLIS), rawSequentialMedian, Target.ratioAtMost(1.2)),
                Row.compare("1b. Sequential `logout` (batching=false), p99 round trip",
                        result.component(1, Figure.Unit.MILLIS), result.baseline(1, Figure.Unit.MILLIS),
                        Target.none()));
    }

    /** 2: many single logouts at once, batching on, against raw batch_logout of 50 with up to 1,000 in flight. */
    Row batching() throws Exception {
        Rounds.Paired result = Rounds.interleave("2 batching logout", settings.batchWarmups(), settings.batchRounds(),
                this::componentBatched, this::rawBatched);
        return Row.compare(String.format("2. %,d single `logout`s at once, batching=true (sub-devices/s)",
                        settings.batchDevices()),
                result.component(0, Figure.Unit.PER_SECOND), result.baseline(0, Figure.Unit.PER_SECOND),
                Target.ratioAtLeast(0.5));
    }

    /** 4: single logouts, batching off, 1,000 in flight. */
    Row pipelined() throws Exception {
        Rounds.Paired result = Rounds.interleave("4 pipelined logout", settings.warmups(), settings.rounds(),
                this::componentPipelined, this::rawPipelined);
        rawPipelinedThroughput = result.baseline(0, Figure.Unit.PER_SECOND);
        return Row.compare(String.format("4. Single `logout`s, batching=false, %,d in flight (requests/s)",
                        settings.window()),
                result.component(0, Figure.Unit.PER_SECOND), rawPipelinedThroughput, Target.ratioAtLeast(0.7));
    }

    /** The raw sequential median of measurement 1, the baseline of the stock camel-paho reference. */
    Figure rawSequentialMedian() {
        return rawSequentialMedian;
    }

    /** The raw pipelined throughput of measurement 4. */
    Figure rawPipelinedThroughput() {
        return rawPipelinedThroughput;
    }

    private RoundResult componentSequential() {
        int n = settings.sequentialPerRound();
        giveSessions(componentPlatform, n);
        double[] millis = new double[n];
        long failures = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.sequentialRoundMillis());
        int done = 0;
        for (int i = 0; i < n && System.nanoTime() < deadline; i++, done++) {
            Exchange exchange = unbatched.createExchange();
            exchange.getMessage().setBody(devices[i]);
            long start = System.nanoTime();
            template.send(unbatched, exchange);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (exchange.getException() != null && ++failures > 10) {
                done++;
                break;
            }
        }
        millis = Arrays.copyOf(millis, done);
        return RoundResult.of(failures, millis.length, Samples.median(millis), Samples.percentile(millis, 99));
    }

    private RoundResult rawSequential() {
        int n = settings.sequentialPerRound();
        giveSessions(rawPlatform, n);
        double[] millis = new double[n];
        long failures = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.sequentialRoundMillis());
        int done = 0;
        for (int i = 0; i < n && System.nanoTime() < deadline; i++, done++) {
            long start = System.nanoTime();
            boolean ok;
            try {
                AlinkReply reply = raw.request(SessionOperation.LOGOUT, devices[i], settings.requestTimeoutMillis())
                        .get(settings.requestTimeoutMillis() + 1000, TimeUnit.MILLISECONDS);
                ok = reply.code() == AlinkCodes.SUCCESS;
            } catch (Exception e) {
                ok = false;
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (!ok && ++failures > 10) {
                done++;
                break;
            }
        }
        millis = Arrays.copyOf(millis, done);
        return RoundResult.of(failures, millis.length, Samples.median(millis), Samples.percentile(millis, 99));
    }

    private RoundResult componentBatched() throws InterruptedException {
        int n = settings.batchDevices();
        giveSessions(componentPlatform, n);
        Pipeline.Outcome outcome = Pipeline.run(n, n, i -> send(batched, devices[i]), settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private RoundResult rawBatched() throws InterruptedException {
        int n = settings.batchDevices();
        giveSessions(rawPlatform, n);
        int requests = (n + BenchSettings.BATCH - 1) / BenchSettings.BATCH;
        Pipeline.Outcome outcome = Pipeline.run(requests, settings.window(), i -> {
            List<SubDeviceId> chunk = deviceList.subList(i * BenchSettings.BATCH,
                    Math.min(n, (i + 1) * BenchSettings.BATCH));
            return raw.request(SessionOperation.BATCH_LOGOUT, chunk, settings.requestTimeoutMillis())
                    .thenApply(reply -> reply.code() == AlinkCodes.SUCCESS ? chunk.size() : 0);
        }, settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private RoundResult componentPipelined() throws InterruptedException {
        int n = settings.pipelinedRequests();
        giveSessions(componentPlatform, n);
        Pipeline.Outcome outcome = Pipeline.run(n, settings.window(), i -> send(unbatched, devices[i]),
                settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private RoundResult rawPipelined() throws InterruptedException {
        int n = settings.pipelinedRequests();
        giveSessions(rawPlatform, n);
        Pipeline.Outcome outcome = Pipeline.run(n, settings.window(),
                i -> raw.request(SessionOperation.LOGOUT, devices[i], settings.requestTimeoutMillis())
                        .thenApply(reply -> reply.code() == AlinkCodes.SUCCESS ? 1 : 0),
                settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    /** Sends one exchange without waiting; the future gives 1 when it succeeded. */
    private CompletableFuture<Integer> send(Endpoint endpoint, Object body) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(body);
        return template.asyncSend(endpoint, exchange).thenApply(done -> done.getException() == null ? 1 : 0);
    }

    private void giveSessions(AlinkPlatformSimulator platform, int count) {
        for (int i = 0; i < count; i++) {
            platform.setOnline(devices[i].productKey(), devices[i].deviceName());
        }
    }

    @Override
    public void close() {
        raw.close();
        camel.stop();
        Simulators.reportViolations("Alink component arm", componentPlatform.violations());
        Simulators.reportViolations("Alink raw arm", rawPlatform.violations());
        componentPlatform.close();
        rawPlatform.close();
    }
}
