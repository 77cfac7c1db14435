package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camel.iotgateway.huawei.error.HuaweiIotTimeoutException;
import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-device exchange waiting for its response against a silent platform: it holds nothing the component gave it
 * (no header map on an exchange that came without headers), and it ends exactly once, by its timeout or by the stop.
 */
class WaitingSingleExchangeTest extends HuaweiIotTestSupport {

    /** The single exchanges of every operation, sent one per exchange, batched or alone. */
    private static final List<String> URIS = List.of("huaweiiot:deleteSubDevice?batching=false",
            "huaweiiot:deleteSubDevice", "huaweiiot:addSubDevice?batching=false", "huaweiiot:addSubDevice",
            "huaweiiot:updateSubDeviceStatus?batching=false", "huaweiiot:updateSubDeviceStatus");

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(600);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deleteSubDevice?batching=false", "deleteSubDevice", "addSubDevice?batching=false",
            "addSubDevice", "updateSubDeviceStatus?batching=false", "updateSubDeviceStatus"})
    void anExchangeWithoutHeadersWaitsWithoutAHeaderMapAndItsTimeoutEndsItOnce(String path) throws Exception {
        platform.setSilent(true);
        Endpoint endpoint = context.getEndpoint("huaweiiot:" + path);
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(bodyFor(path, "bare"));
        AtomicInteger done = new AtomicInteger();
        long secondEndings = ExchangeCompletion.secondEndings();
        long before = platform.requestCount(eventTypeOf(path));

        try (Producer producer = endpoint.createProducer()) {
            producer.start();
            AsyncProcessor async = AsyncProcessorConverterHelper.convert(producer);
            async.process(exchange, doneSync -> done.incrementAndGet());

            await("the request on the wire", Duration.ofSeconds(5),
                    () -> platform.requestCount(eventTypeOf(path)) == before + 1);
            // asking for a header of an exchange that has none gives it an empty map: hasHeaders() would not see it
            assertThat(headerMapOf(exchange.getMessage())).as("the header map of the waiting exchange").isNull();
            assertThat(done).as("still waiting").hasValue(0);

            await("its timeout", Duration.ofSeconds(5), () -> done.get() > 0);
            Thread.sleep(300);
        }
        assertThat(done).as("callback.done calls").hasValue(1);
        assertThat(ExchangeCompletion.secondEndings()).as("parts ended twice").isEqualTo(secondEndings);
        assertThat(exchange.getException()).isInstanceOf(HuaweiIotTimeoutException.class);
        assertThat(((HuaweiIotTimeoutException) exchange.getException()).getDevices()).hasSize(1);
        // the timeout writes the event_id header, and only that
        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(HuaweiIotConstants.EVENT_ID);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStopEndsEveryWaitingSingleExchangeOnceWithATypedFailure(boolean batching) throws Exception {
        platform.setSilent(true);
        long secondEndings = ExchangeCompletion.secondEndings();
        List<Exchange> exchanges = new ArrayList<>();
        List<AtomicInteger> dones = new ArrayList<>();
        for (String uri : URIS) {
            if (uri.contains("batching=false") == batching) {
                continue;
            }
            // long enough that only the stop can end them
            Endpoint endpoint = context.getEndpoint(uri + (uri.contains("?") ? "&" : "?") + "requestTimeout=60000");
            Producer producer = endpoint.createProducer();
            producer.start();
            for (int i = 0; i < 3; i++) {
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setBody(bodyFor(uri, "stop-" + batching + "-" + i));
                AtomicInteger done = new AtomicInteger();
                AsyncProcessorConverterHelper.convert(producer).process(exchange, doneSync -> done.incrementAndGet());
                exchanges.add(exchange);
                dones.add(done);
            }
        }
        // alone, 9 requests; batched, 3 to 9 (each operation's first may go alone, the others after batchTimeout)
        await("every request pending", Duration.ofSeconds(5), () -> pending() == 9 || batching && pending() >= 3);
        Thread.sleep(300);
        assertThat(pending()).isBetween(3, 9);
        assertThat(dones).allSatisfy(done -> assertThat(done).hasValue(0));

        context.stop();

        assertThat(dones).as("callback.done calls").allSatisfy(done -> assertThat(done).hasValue(1));
        assertThat(ExchangeCompletion.secondEndings()).as("parts ended twice").isEqualTo(secondEndings);
        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException())
                .isInstanceOf(GatewayException.class));
    }

    private int pending() {
        try {
            return connection().pendingReplies().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object bodyFor(String uri, String name) {
        String id = PRODUCT_ID + "_" + name;
        if (uri.contains("addSubDevice")) {
            return Map.of("node_id", name, "product_id", PRODUCT_ID);
        }
        if (uri.contains("updateSubDeviceStatus")) {
            return new DeviceStatus(id, DeviceStatus.ONLINE);
        }
        return id;
    }

    private static EventType eventTypeOf(String uri) {
        return uri.contains("addSubDevice") ? EventType.ADD_SUB_DEVICE_REQUEST
                : uri.contains("updateSubDeviceStatus") ? EventType.SUB_DEVICE_UPDATE_STATUS
                : EventType.DELETE_SUB_DEVICE_REQUEST;
    }

    /** The message's header map as it holds it, without creating one as every public accessor would. */
    private static Object headerMapOf(Message message) throws ReflectiveOperationException {
        java.lang.reflect.Field headers = DefaultMessage.class.getDeclaredField("headers");
        headers.setAccessible(true);
        return headers.get(message);
    }
}
