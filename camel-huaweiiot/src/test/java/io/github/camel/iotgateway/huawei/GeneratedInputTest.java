package io.github.camel.iotgateway.huawei;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.github.camel.iotgateway.huawei.error.HuaweiIotException;
import io.github.camel.iotgateway.huawei.error.HuaweiIotTimeoutException;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies and operation headers, thousands of them: each exchange either succeeds or ends in a typed error
 * (never an NPE, ClassCastException, IllegalStateException or bare IllegalArgumentException), and nothing invalid
 * reaches the broker: a refused input publishes nothing (counted at the broker), and the platform, which checks every
 * message it gets, records no violation. The seed is fixed so a run is reproducible; change it to explore further.
 */
class GeneratedInputTest {

    private static final String GATEWAY_ID = HuaweiInputs.PRODUCT_ID + "_gwgen";

    private static EmbeddedMqttBroker broker;
    private static IotdaPlatformSimulator platform;
    private static CamelContext camel;
    private static ProducerTemplate template;
    private static final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        platform = IotdaPlatformSimulator.start(broker.brokerUrl(), GATEWAY_ID);
        camel = new DefaultCamelContext();
        HuaweiIotComponent component = new HuaweiIotComponent();
        HuaweiIotConfiguration configuration = component.getConfiguration();
        configuration.setBrokerUrl(broker.brokerUrl());
        configuration.setGatewayDeviceId(GATEWAY_ID);
        configuration.setRequestTimeout(3000);
        // the properties count what reaches the wire; the sync at connect is not one of the operations under test
        configuration.setSyncOnConnect(false);
        // single exchanges here come one at a time: a short wait before each lone request goes out
        configuration.setBatchTimeout(2);
        camel.addComponent("huaweiiot", component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterContainer
    static void stop() throws Exception {
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counted.put(outcome, n.sum()));
        System.out.println("huaweiiot generated inputs, outcomes: " + counted);
        if (camel != null) {
            camel.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Provide
    Arbitrary<HuaweiInputs.Input> inputs() {
        return HuaweiInputs.inputs();
    }

    @Provide
    Arbitrary<Object> unknownOperations() {
        return HuaweiInputs.unknownOperations();
    }

    @Property(tries = 2000, seed = "20240518", shrinking = ShrinkingMode.BOUNDED)
    void everyBodyAndHeaderEndsInSuccessOrATypedErrorAndNothingInvalidReachesTheBroker(
            @ForAll("inputs") HuaweiInputs.Input input) throws Exception {
        // children come and go with the generated adds and deletes: some of each are always there
        HuaweiInputs.CHILDREN.forEach(platform::registerChild);
        platform.resetCounters();
        long publishedBefore = requestsAtBroker();

        Exchange done = send(input.endpointOperation(), input.operationHeader(), input.body());

        Exception failure = done.getException();
        count(failure);
        assertThat(failure).as("outcome of %s", input)
                .satisfiesAnyOf(
                        f -> assertThat(f).isNull(),
                        f -> assertThat(f).isInstanceOfAny(InvalidSubDeviceException.class, HuaweiIotException.class,
                                HuaweiIotTimeoutException.class));
        if (failure instanceof InvalidSubDeviceException) {
            assertThat(requestsAtBroker()).as("requests published for refused input %s", input)
                    .isEqualTo(publishedBefore);
        }
        assertThat(platform.violations()).as("protocol violations after %s", input).isEmpty();
        assertThat(broker.qosCounts(platform.topics().eventsUp()).keySet()).isSubsetOf(Set.of(0, 1));
    }

    @Property(tries = 200, seed = "20240518")
    void anUnknownOperationHeaderEndsInATypedErrorAndPublishesNothing(
            @ForAll("unknownOperations") Object header) throws Exception {
        long publishedBefore = requestsAtBroker();

        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> {
            e.getMessage().setHeader(HuaweiIotConstants.OPERATION, header);
            e.getMessage().setBody(HuaweiInputs.CHILDREN.get(0));
        });

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class);
        assertThat(requestsAtBroker()).isEqualTo(publishedBefore);
    }

    @Provide
    Arbitrary<com.fasterxml.jackson.databind.JsonNode> extensionInfosThatAreNoObject() {
        return HuaweiInputs.extensionInfosThatAreNoObject();
    }

    @Property(tries = 50, seed = "20240518")
    void anExtensionInfoThatIsNoJsonObjectIsRefusedBeforeAnythingIsPublished(
            @ForAll("extensionInfosThatAreNoObject") com.fasterxml.jackson.databind.JsonNode extensionInfo)
            throws Exception {
        platform.resetCounters();
        long publishedBefore = requestsAtBroker();

        Exchange done = send("addSubDevice", null, new io.github.camel.iotgateway.protocol.iotda.DeviceInfo("n-ext",
                HuaweiInputs.PRODUCT_ID, null, null, null, extensionInfo, null));

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class);
        assertThat(requestsAtBroker()).isEqualTo(publishedBefore);
        assertThat(platform.violations()).isEmpty();
    }

    private static Exchange send(String operation, String header, Object body) throws Exception {
        return template.asyncSend("huaweiiot:" + operation, e -> {
            if (header != null) {
                e.getMessage().setHeader(HuaweiIotConstants.OPERATION, header);
            }
            e.getMessage().setBody(body);
        }).get(20, TimeUnit.SECONDS);
    }

    private static long requestsAtBroker() {
        return broker.publishCount(platform.topics().eventsUp());
    }

    private static void count(Exception failure) {
        String outcome = failure == null ? "success" : failure.getClass().getSimpleName();
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }
}
