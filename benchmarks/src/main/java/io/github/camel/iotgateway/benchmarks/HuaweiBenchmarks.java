package io.github.camel.iotgateway.benchmarks;

import java.util.List;
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
 * huaweiiot against raw Paho (3): many single {@code deleteSubDevice} exchanges at once, batching on, against raw
 * delete_sub_device_request of 50 with up to 1,000 in flight. Each arm has a gateway and an
 * {@link IotdaPlatformSimulator} of its own; the children are registered again before every round.
 */
final class HuaweiBenchmarks implements AutoCloseable {

    private final BenchSettings settings;
    private final String[] children;
    /** The same children as a list, made once: slicing it per request must not copy every entry each time. */
    private final List<String> childList;
    private final IotdaPlatformSimulator componentPlatform;
    private final IotdaPlatformSimulator rawPlatform;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint delete;
    private final RawIotdaClient raw;

    private HuaweiBenchmarks(BenchSettings settings, String brokerUrl, Identities ids) throws Exception {
        this.settings = settings;
        this.children = Identities.iotdaChildren(settings.batchDevices());
        this.childList = List.of(children);
        String componentGateway = ids.iotdaGateway("Comp");
        String rawGateway = ids.iotdaGateway("Raw");
        componentPlatform = IotdaPlatformSimulator.start(brokerUrl, componentGateway);
        rawPlatform = IotdaPlatformSimulator.start(brokerUrl, rawGateway);
        camel = new DefaultCamelContext();
        HuaweiIotComponent huawei = new HuaweiIotComponent();
        huawei.getConfiguration().setBrokerUrl(brokerUrl);
        huawei.getConfiguration().setGatewayDeviceId(componentGateway);
        huawei.getConfiguration().setRequestTimeout(settings.requestTimeoutMillis());
        camel.addComponent("huaweiiot", huawei);
        camel.start();
        template = camel.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        delete = camel.getEndpoint("huaweiiot:deleteSubDevice?batching=true");
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
                Target.ratioAtLeast(0.5));
    }

    private RoundResult componentBatched() throws InterruptedException {
        int n = children.length;
        register(componentPlatform);
        Pipeline.Outcome outcome = Pipeline.run(n, n, i -> send(children[i]), settings.roundBoundMillis());
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
        raw.close();
        camel.stop();
        Simulators.reportViolations("IoTDA component arm", componentPlatform.violations());
        Simulators.reportViolations("IoTDA raw arm", rawPlatform.violations());
        componentPlatform.close();
        rawPlatform.close();
    }
}
