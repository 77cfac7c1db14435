package io.github.camel.iotgateway.benchmarks;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camel.iotgateway.benchmarks.Rounds.RoundResult;
import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * huaweiiot against raw Paho (3): many single {@code deleteSubDevice} exchanges at once, batching on, against raw
 * delete_sub_device_request of 50 with up to 1,000 in flight. Each arm has a gateway and an
 * {@link IotdaPlatformSimulator} of its own; the children are registered again before every round.
 */
final class HuaweiBenchmarks implements AutoCloseable {

    /** Row 6's deletes: 200 requests of 50, 4 s at the platform's pace. */
    private static final int PACED_DEVICES = 10_000;

    private final BenchSettings settings;
    private final String[] children;
    /** The same children as a list, made once: slicing it per request must not copy every entry each time. */
    private final List<String> childList;
    private final IotdaPlatformSimulator componentPlatform;
    private final IotdaPlatformSimulator rawPlatform;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint delete;
    private final IotdaPlatformSimulator pacedPlatform;
    private final Endpoint pacedDelete;
    private final String[] pacedChildren = Identities.iotdaChildren(PACED_DEVICES);
    private final RawIotdaClient raw;

    private HuaweiBenchmarks(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        this.settings = settings;
        this.children = Identities.iotdaChildren(settings.batchDevices());
        this.childList = List.of(children);
        String componentGateway = ids.iotdaGateway("Comp");
        String rawGateway = ids.iotdaGateway("Raw");
        // row 3 measures the cost of the component and of raw Paho, unpaced: the platform's caps are off for both
        componentPlatform = IotdaPlatformSimulator.builder(brokerUrl, componentGateway).rateLimits(0, 0).start();
        rawPlatform = IotdaPlatformSimulator.builder(brokerUrl, rawGateway).rateLimits(0, 0).start();
        camel = new DefaultCamelContext();
        HuaweiIotComponent huawei = new HuaweiIotComponent();
        huawei.getConfiguration().setBrokerUrl(brokerUrl);
        huawei.getConfiguration().setGatewayDeviceId(componentGateway);
        huawei.getConfiguration().setRequestTimeout(settings.requestTimeoutMillis());
        // row 3 compares the component's own cost with raw Paho, which keeps no pace: the pace has a row of its own
        huawei.getConfiguration().setMaxMessagesPerSecond(0);
        huawei.getConfiguration().setMaxBytesPerSecond(0);
        camel.addComponent("huaweiiot", huawei);
        // row 6: the same deletes at the platform's pace, against a simulator that throttles past 50 messages/s
        String pacedGateway = ids.iotdaGateway("Paced");
        pacedPlatform = IotdaPlatformSimulator.builder(brokerUrl, pacedGateway)
                .rateLimits(IotdaLimits.MAX_MESSAGES_PER_SECOND, IotdaLimits.MAX_BYTES_PER_SECOND).start();
        HuaweiIotComponent paced = new HuaweiIotComponent();
        paced.getConfiguration().setBrokerUrl(brokerUrl);
        paced.getConfiguration().setGatewayDeviceId(pacedGateway);
        paced.getConfiguration().setRequestTimeout(40_000);
        camel.addComponent("huaweiiotpaced", paced);
        camel.start();
        template = camel.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        delete = camel.getEndpoint("huaweiiot:deleteSubDevice?batching=true");
        pacedDelete = camel.getEndpoint("huaweiiotpaced:deleteSubDevice");
        raw = RawIotdaClient.connect(brokerUrl, rawGateway);
    }

    static HuaweiBenchmarks start(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        return new HuaweiBenchmarks(settings, brokerUrl, ids);
    }

    Row batching() throws Exception {
        Rounds.Paired result = Rounds.interleave("3 batching deleteSubDevice", settings.batchWarmups(),
                settings.batchRounds(),
                this::componentBatched, this::rawBatched);
        return Row.compare(String.format("3. %,d single `deleteSubDevice`s at once, batching=true (sub-devices/s)",
                        settings.batchDevices()),
                result.component(0, Figure.Unit.PER_SECOND), result.baseline(0, Figure.Unit.PER_SECOND),
                Target.ratioAtLeast(0.8));
    }

    /**
     * Row 6: 10,000 single deletes at the platform's pace (50 messages a second). They batch into 200 requests of 50
     * (and the first alone), which the cap allows in 4 s; the target is 1.05 times that, with not one message throttled.
     */
    Row pace() throws Exception {
        int n = PACED_DEVICES;
        double allowedMillis = (double) n / BenchSettings.BATCH / IotdaLimits.MAX_MESSAGES_PER_SECOND * 1000;
        List<RoundResult> rounds = new java.util.ArrayList<>();
        // rounds of seconds each, not the short batching rounds: the measured rounds of the latency rows
        for (int round = 0; round < settings.rounds(); round++) {
            Progress.log("6 paced deleteSubDevice: round %d/%d", round + 1, settings.rounds());
            rounds.add(pacedRound(n));
        }
        Figure took = Rounds.figure(rounds, 0, Figure.Unit.MILLIS);
        String measurement = String.format("6. %,d single `deleteSubDevice`s at the platform's pace of %d messages/s"
                                           + " (ms; the cap allows %,.0f ms)", n, IotdaLimits.MAX_MESSAGES_PER_SECOND,
                allowedMillis);
        Target target = Target.valueAtMost(1.05 * allowedMillis, String.format("≤ 1.05 × %,.0f ms, 0 throttled",
                allowedMillis));
        long throttled = pacedPlatform.throttledMessages();
        Boolean met = throttled == 0 && took.failures() == 0 && target.isMet(took.median(), Double.NaN);
        String why = Boolean.TRUE.equals(met) ? null
                : throttled + " messages throttled, " + took.failures() + " failed, " + took.describe();
        return new Row(measurement, took.describe() + "; " + throttled + " throttled",
                String.format("%,.0f ms (200 requests at 50/s)", allowedMillis), took.median() / allowedMillis, target,
                met, why);
    }

    private RoundResult pacedRound(int n) throws InterruptedException {
        for (String child : pacedChildren) {
            pacedPlatform.registerChild(child);
        }
        long began = System.nanoTime();
        Pipeline.Outcome outcome = Pipeline.run(n, n, i -> send(pacedDelete, pacedChildren[i]), settings.roundBoundMillis());
        double tookMillis = (System.nanoTime() - began) / 1e6;
        // let the pace's window pass, so the next round starts as fresh as this one did
        Thread.sleep(1100);
        return RoundResult.of(n - outcome.devicesDone(), n, tookMillis);
    }

    private RoundResult componentBatched() throws InterruptedException {
        int n = children.length;
        register(componentPlatform);
        Pipeline.Outcome outcome = Pipeline.run(n, n, i -> send(delete, children[i]), settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private RoundResult rawBatched() throws InterruptedException {
        int n = children.length;
        register(rawPlatform);
        int requests = (n + BenchSettings.BATCH - 1) / BenchSettings.BATCH;
        Pipeline.Outcome outcome = Pipeline.run(requests, settings.window(), i -> raw.delete(
                childList.subList(i * BenchSettings.BATCH, Math.min(n, (i + 1) * BenchSettings.BATCH)),
                settings.requestTimeoutMillis()), settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private CompletableFuture<Integer> send(Endpoint endpoint, String deviceId) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(deviceId);
        return template.asyncSend(endpoint, exchange).thenApply(done -> done.getException() == null ? 1 : 0);
    }

    private void register(IotdaPlatformSimulator platform) {
        for (String child : children) {
            platform.registerChild(child);
        }
    }

    @Override
    public void close() {
        raw.close();
        camel.stop();
        Simulators.reportViolations("IoTDA component arm", componentPlatform.violations());
        Simulators.reportViolations("IoTDA raw arm", rawPlatform.violations());
        Simulators.reportViolations("IoTDA paced arm", pacedPlatform.violations());
        componentPlatform.close();
        rawPlatform.close();
        pacedPlatform.close();
    }
}
