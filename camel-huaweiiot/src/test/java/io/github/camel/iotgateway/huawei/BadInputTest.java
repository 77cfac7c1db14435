package io.github.camel.iotgateway.huawei;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camel.iotgateway.huawei.error.ExtensionInfoTooLargeException;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.iotda.DeviceInfo;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input fails with a typed error before anything is published; bad options fail at endpoint creation. One
 * CamelContext (and gateway connection) serves every case: nothing here may reach the platform anyway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends HuaweiIotTestSupport {

    /** Runs before the broker stops (JUnit calls a subclass's @AfterAll first), so the gateway disconnects cleanly. */
    @AfterAll
    void closeGatewayAndPlatform() {
        context.stop();
        platform.close();
    }

    static Stream<Arguments> badBodies() {
        String big = "x".repeat(1100);
        return Stream.of(
                arguments("deleteSubDevice", null, "empty body"),
                arguments("deleteSubDevice", "", "blank"),
                arguments("deleteSubDevice", "   ", "blank"),
                arguments("deleteSubDevice", "dev\0ice", "NUL"),
                arguments("deleteSubDevice", 42, "got a number"),
                arguments("deleteSubDevice", List.of(), "empty list"),
                arguments("deleteSubDevice", "[]", "empty list"),
                arguments("deleteSubDevice", "[\"a\",", "not valid JSON"),
                arguments("deleteSubDevice", Arrays.asList("dev-1", null), "null"),
                arguments("deleteSubDevice", List.of("dev-1", " "), "blank"),
                arguments("deleteSubDevice", List.of("dev-1", "dev-2", "dev-1"), "twice"),
                arguments("addSubDevice", Map.of("product_id", PRODUCT_ID), "node_id"),
                arguments("addSubDevice", Map.of("node_id", "n-1"), "product_id"),
                arguments("addSubDevice", Map.of("node_id", "n-1", "product_id", " "), "product_id"),
                arguments("addSubDevice", Map.of("node_id", "n-1", "product_id", PRODUCT_ID, "device_id", ""), "device_id"),
                arguments("addSubDevice", Map.of("node_id", List.of(1), "product_id", PRODUCT_ID), "wrong type"),
                arguments("addSubDevice", "meter-001", "not a JSON object"),
                arguments("addSubDevice", List.of(DeviceInfo.of("n-1", PRODUCT_ID), DeviceInfo.of("n-1", PRODUCT_ID)), "twice"),
                arguments("addSubDevice", Map.of("node_id", "n-1", "product_id", PRODUCT_ID, "extension_info",
                        Map.of("blob", big)), "1024"),
                arguments("updateSubDeviceStatus", Map.of("device_id", "dev-1", "status", "ASLEEP"), "ONLINE or OFFLINE"),
                arguments("updateSubDeviceStatus", new DeviceStatus("dev-1", null), "ONLINE or OFFLINE"),
                arguments("updateSubDeviceStatus", new DeviceStatus(null, "ONLINE"), "device_id"),
                arguments("updateSubDeviceStatus", "dev-1", "not a JSON object"),
                arguments("updateSubDeviceStatus", List.of(DeviceStatus.online("d"), DeviceStatus.offline("d")), "twice"));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("badBodies")
    void isRefusedWithATypedErrorAndNothingIsPublished(String operation, Object body, String expectedMessage)
            throws Exception {
        Exchange done = template.send("huaweiiot:" + operation, e -> e.getMessage().setBody(body));

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining(expectedMessage);
        Thread.sleep(100); // past the batchTimeout: nothing was queued either
        assertThat(requestsPublished()).isZero();
    }

    @Test
    void anOversizedExtensionInfoSaysHowLargeItIs() {
        Exchange done = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(Map.of(
                "node_id", "n-1", "product_id", PRODUCT_ID, "extension_info", Map.of("blob", "y".repeat(1020)))));

        assertThat(done.getException()).isInstanceOf(ExtensionInfoTooLargeException.class);
        assertThat(((ExtensionInfoTooLargeException) done.getException()).getSize()).isGreaterThan(1024);
        assertThat(requestsPublished()).isZero();
    }

    @Test
    void aMapBodyForDeleteSaysWhichBodiesWorkWithoutJdkClassNames() {
        Exchange done = template.send("huaweiiot:deleteSubDevice",
                e -> e.getMessage().setBody(Map.of("device_id", "dev-1")));

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining("got a Map")
                .hasMessageContaining("a device_id as a String")
                .hasMessageContaining("List")
                .hasMessageNotContaining("Map1");
        assertThat(requestsPublished()).isZero();
    }

    @Test
    void aTextBodyForAddListsTheFieldsExpected() {
        Exchange done = template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody("n-1"));

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining("node_id").hasMessageContaining("product_id")
                .hasMessageContaining("device_id, name, description, extension_info");
        assertThat(requestsPublished()).isZero();
    }

    @Test
    void qosTwoFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("huaweiiot:deleteSubDevice?qos=2"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("QoS 0 or 1");
    }

    @Test
    void aGatewayIdWithTopicCharactersFailsAtEndpointCreation() {
        for (String id : List.of("gw/1", "gw+", "gw#")) {
            assertThatThrownBy(() -> context.getEndpoint("huaweiiot:deleteSubDevice?gatewayDeviceId=RAW(" + id + ")"))
                    .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("MQTT topic characters");
        }
        // NUL cannot travel in a URI, only in a component option
        HuaweiIotComponent component = new HuaweiIotComponent();
        component.setCamelContext(context);
        component.getConfiguration().setBrokerUrl(brokerUrl());
        component.getConfiguration().setGatewayDeviceId("gw\0");
        assertThatThrownBy(() -> component.createEndpoint("huaweiiot:deleteSubDevice"))
                .hasMessageContaining("MQTT topic characters");
    }

    @Test
    void aBatchSizeOverFiftyOrAnUnknownOperationFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("huaweiiot:deleteSubDevice?batchSize=51"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("batchSize must be 1 to 50");
        assertThatThrownBy(() -> context.getEndpoint("huaweiiot:removeSubDevice"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Unknown huaweiiot operation");
    }

    @Test
    void eventsIsOnlyAConsumerAndTheOperationsOnlyProducers() {
        Throwable producer = catchThrowable(() -> {
            Exchange done = template.send("huaweiiot:events", e -> e.getMessage().setBody("x"));
            if (done.getException() != null) {
                throw done.getException();
            }
        });
        assertThat(producer).hasStackTraceContaining("huaweiiot:events is a consumer");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:deleteSubDevice").to("log:never");
            }
        })).hasStackTraceContaining("huaweiiot:deleteSubDevice is a producer");
    }
}
