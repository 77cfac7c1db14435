package io.github.camel.iotgateway.alink;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.github.camel.iotgateway.alink.error.AlinkSessionException;
import io.github.camel.iotgateway.alink.error.AlinkSessionTimeoutException;
import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
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

    private static final String GATEWAY_PK = "a1GwGen0001";
    private static final String GATEWAY_DN = "gw-gen";

    private static EmbeddedMqttBroker broker;
    private static AlinkPlatformSimulator platform;
    private static CamelContext camel;
    private static ProducerTemplate template;
    private static final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    @BeforeContainer
    static void start() throws Exception {
        broker = EmbeddedMqttBroker.start();
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), GATEWAY_PK, GATEWAY_DN);
        AlinkInputs.TOPOLOGY.forEach(dn -> platform.registerSubDevice(AlinkInputs.SUB_PK, dn, AlinkInputs.secretOf(dn)));
        camel = new DefaultCamelContext();
        AlinkSessionComponent component = new AlinkSessionComponent();
        AlinkSessionConfiguration configuration = component.getConfiguration();
        configuration.setBrokerUrl(broker.brokerUrl());
        configuration.setGatewayProductKey(GATEWAY_PK);
        configuration.setGatewayDeviceName(GATEWAY_DN);
        configuration.setRequestTimeout(3000);
        // single exchanges here come one at a time: a short wait before each lone batch goes out
        configuration.setBatchTimeout(2);
        camel.addComponent("alink-session", component);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterContainer
    static void stop() throws Exception {
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counted.put(outcome, n.sum()));
        System.out.println("alink generated inputs, outcomes: " + counted);
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
    Arbitrary<AlinkInputs.Input> inputs() {
        return AlinkInputs.inputs();
    }

    @Provide
    Arbitrary<Object> unknownOperations() {
        return AlinkInputs.unknownOperations();
    }

    @Property(tries = 2000, seed = "20240518", shrinking = ShrinkingMode.BOUNDED)
    void everyBodyAndHeaderEndsInSuccessOrATypedErrorAndNothingInvalidReachesTheBroker(
            @ForAll("inputs") AlinkInputs.Input input) throws Exception {
        platform.resetCounters();
        long publishedBefore = requestsAtBroker();

        Exchange done = send(input.endpointOperation(), input.operationHeader(), input.body());

        Exception failure = done.getException();
        count(failure);
        assertThat(failure).as("outcome of %s", input)
                .satisfiesAnyOf(
                        f -> assertThat(f).isNull(),
                        f -> assertThat(f).isInstanceOfAny(InvalidSubDeviceException.class, AlinkSessionException.class,
                                AlinkSessionTimeoutException.class));
        if (failure instanceof InvalidSubDeviceException) {
            assertThat(requestsAtBroker()).as("requests published for refused input %s", input)
                    .isEqualTo(publishedBefore);
        }
        assertThat(platform.violations()).as("protocol violations after %s", input).isEmpty();
        for (SessionOperation operation : SessionOperation.values()) {
            assertThat(broker.qosCounts(platform.topics().request(operation)).keySet()).isSubsetOf(Set.of(0));
        }
    }

    @Property(tries = 200, seed = "20240518")
    void anUnknownOperationHeaderEndsInATypedErrorAndPublishesNothing(
            @ForAll("unknownOperations") Object header) throws Exception {
        long publishedBefore = requestsAtBroker();

        Exchange done = template.send("alink-session:logout", e -> {
            e.getMessage().setHeader(AlinkSessionConstants.OPERATION, header);
            e.getMessage().setBody(new io.github.camel.iotgateway.protocol.alink.SubDeviceId(AlinkInputs.SUB_PK,
                    "gen-001"));
        });

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class);
        assertThat(requestsAtBroker()).isEqualTo(publishedBefore);
    }

    @Provide
    Arbitrary<SubDevice> loginsWithAnEmptyField() {
        return AlinkInputs.loginsWithAnEmptyField();
    }

    @Property(tries = 60, seed = "20240518")
    void aLoginWithAnEmptyTimestampClientIdOrSignIsRefusedBeforeAnythingIsPublished(
            @ForAll("loginsWithAnEmptyField") SubDevice login) throws Exception {
        platform.resetCounters();
        long publishedBefore = requestsAtBroker();

        Exchange done = send("login", null, login);

        assertThat(done.getException()).as("outcome of %s", AlinkInputs.describe(login))
                .isInstanceOf(InvalidSubDeviceException.class);
        assertThat(requestsAtBroker()).isEqualTo(publishedBefore);
        assertThat(platform.violations()).isEmpty();
    }

    private static Exchange send(String operation, String header, Object body) throws Exception {
        return template.asyncSend("alink-session:" + operation, e -> {
            if (header != null) {
                e.getMessage().setHeader(AlinkSessionConstants.OPERATION, header);
            }
            e.getMessage().setBody(body);
        }).get(20, TimeUnit.SECONDS);
    }

    private static long requestsAtBroker() {
        long total = 0;
        for (SessionOperation operation : SessionOperation.values()) {
            total += broker.publishCount(platform.topics().request(operation));
        }
        return total;
    }

    private static void count(Exception failure) {
        String outcome = failure == null ? "success" : failure.getClass().getSimpleName();
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }
}
