package io.github.camel.iotgateway.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.github.camel.iotgateway.benchmarks.Rounds.RoundResult;
import io.github.camel.iotgateway.huawei.HuaweiIotComponent;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * P1: huaweiiot beside its peer, Huawei's own Java device SDK ({@link HuaweiSdkGateway}), deleting the same 10,000
 * children, each the way its API intends: 10,000 single {@code deleteSubDevice} exchanges with batching on, against
 * 200 {@code gtwDelSubDevice} requests of 50, all at once. Both unpaced (the component's pace off, the simulators'
 * caps off), as row 3; each arm has a gateway and an {@link IotdaPlatformSimulator} of its own, on the same broker.
 * <p>
 * Threads per gateway, counted after the rounds (a pool grows as it first works, and keeps what it grew): the live
 * threads of each gateway, by name. The component names every thread of a gateway after its clientId (its pools
 * {@code GatewayReplies[clientId]}, ..., and Paho's {@code MQTT Rec: clientId}, ...); the SDK's Paho threads carry its
 * clientId, its dispatch pool's ({@code pool-N-thread-M}) are those it handed responses on. Not counted: the broker's,
 * the simulators' and the JDK's shared threads, which are there for either arm.
 */
final class HuaweiPeerBenchmark implements AutoCloseable {

    /** Any secret: the brokers here check none, and the SDK signs its CONNECT password with it. */
    private static final String SDK_SECRET = "benchPeerSecret1";

    private final BenchSettings settings;
    private final String[] children;
    /** The same children as a list, made once: slicing it per request must not copy every entry each time. */
    private final List<String> childList;
    private final IotdaPlatformSimulator componentPlatform;
    private final IotdaPlatformSimulator sdkPlatform;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint delete;
    private final String componentGateway;
    private final HuaweiSdkGateway sdk;

    private HuaweiPeerBenchmark(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        this.settings = settings;
        this.children = Identities.iotdaChildren(settings.batchDevices());
        this.childList = List.of(children);
        componentGateway = ids.iotdaGateway("PeerComp");
        String sdkGateway = ids.iotdaGateway("PeerSdk");
        componentPlatform = IotdaPlatformSimulator.builder(brokerUrl, componentGateway).rateLimits(0, 0).start();
        sdkPlatform = IotdaPlatformSimulator.builder(brokerUrl, sdkGateway).rateLimits(0, 0).start();
        camel = new DefaultCamelContext();
        HuaweiIotComponent huawei = new HuaweiIotComponent();
        huawei.getConfiguration().setBrokerUrl(brokerUrl);
        huawei.getConfiguration().setGatewayDeviceId(componentGateway);
        huawei.getConfiguration().setRequestTimeout(settings.requestTimeoutMillis());
        huawei.getConfiguration().setMaxMessagesPerSecond(0);
        huawei.getConfiguration().setMaxBytesPerSecond(0);
        camel.addComponent("huaweiiot", huawei);
        camel.start();
        template = camel.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        delete = camel.getEndpoint("huaweiiot:deleteSubDevice?batching=true");

        sdk = HuaweiSdkGateway.connect(brokerUrl, sdkGateway, SDK_SECRET);
    }

    static HuaweiPeerBenchmark start(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        return new HuaweiPeerBenchmark(settings, brokerUrl, ids);
    }

    Row peer() throws Exception {
        Rounds.Paired result = Rounds.interleave("P1 peer deleteSubDevice", settings.batchWarmups(),
                settings.batchRounds(), this::componentRound, this::sdkRound);
        int n = children.length;
        int requests = requestsFor(n);
        ThreadCensus componentThreads = ThreadCensus.of(t -> t.getName().contains(componentGateway));
        ThreadCensus sdkThreads = ThreadCensus.of(sdk::owns);
        Progress.log("P1 peer: threads a gateway, component %d (%s), SDK %d (%s)", componentThreads.total(),
                componentThreads.describe(), sdkThreads.total(), sdkThreads.describe());
        Figure component = result.component(0, Figure.Unit.PER_SECOND);
        Figure sdkFigure = result.baseline(0, Figure.Unit.PER_SECOND);
        Target target = new Target(Target.Kind.RATIO_AT_LEAST, 1.0, "≥ 1.0×, fewer threads");
        Row compared = Row.compare(String.format(Locale.ROOT, "P1. %,d children deleted: huaweiiot, %,d single"
                                                              + " `deleteSubDevice`s at once (batching=true), against"
                                                              + " Huawei's device SDK %s, %,d `gtwDelSubDevice`s of"
                                                              + " %d at once (sub-devices/s; threads a gateway)", n, n,
                HuaweiSdkGateway.version(), requests, BenchSettings.BATCH), component, sdkFigure, target);
        boolean fewerThreads = componentThreads.total() < sdkThreads.total();
        Boolean met = Boolean.TRUE.equals(compared.met()) && fewerThreads;
        String threadsWhy = String.format(Locale.ROOT, "%d threads against the SDK's %d", componentThreads.total(),
                sdkThreads.total());
        String why = Boolean.TRUE.equals(met) ? null
                : compared.why() == null ? threadsWhy : compared.why() + (fewerThreads ? "" : "; " + threadsWhy);
        return new Row(compared.measurement(),
                compared.component() + String.format(Locale.ROOT, "; %d threads (%s)", componentThreads.total(),
                        componentThreads.describe()),
                compared.baseline() + String.format(Locale.ROOT, "; %d threads (%s)", sdkThreads.total(),
                        sdkThreads.describe()),
                compared.ratio(), target, met, why);
    }

    private static int requestsFor(int children) {
        return (children + BenchSettings.BATCH - 1) / BenchSettings.BATCH;
    }

    private RoundResult componentRound() throws InterruptedException {
        int n = children.length;
        register(componentPlatform);
        Pipeline.Outcome outcome = Pipeline.run(n, n, i -> send(children[i]), settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private RoundResult sdkRound() throws InterruptedException {
        int n = children.length;
        register(sdkPlatform);
        int requests = requestsFor(n);
        Pipeline.Outcome outcome = Pipeline.run(requests, requests, i -> sdk.delete(
                childList.subList(i * BenchSettings.BATCH, Math.min(n, (i + 1) * BenchSettings.BATCH)),
                settings.requestTimeoutMillis()), settings.roundBoundMillis());
        return RoundResult.of(n - outcome.devicesDone(), n, outcome.devicesPerSecond());
    }

    private CompletableFuture<Integer> send(String deviceId) {
        Exchange exchange = delete.createExchange();
        exchange.getMessage().setBody(deviceId);
        return template.asyncSend(delete, exchange).thenApply(done -> done.getException() == null ? 1 : 0);
    }

    private void register(IotdaPlatformSimulator platform) {
        for (String child : children) {
            platform.registerChild(child);
        }
    }

    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
        camel.stop();
        Simulators.reportViolations("IoTDA peer component arm", componentPlatform.violations());
        Simulators.reportViolations("IoTDA peer SDK arm", sdkPlatform.violations());
        componentPlatform.close();
        sdkPlatform.close();
    }
}
