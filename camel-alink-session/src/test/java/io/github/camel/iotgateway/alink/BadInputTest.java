package io.github.camel.iotgateway.alink;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad input fails with a typed error before anything is published. */
class BadInputTest extends AlinkTestSupport {

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("logout", null, "empty"),
                arguments("logout", "", "blank"),
                arguments("logout", "   ", "blank"),
                arguments("logout", "{not json", "not JSON"),
                arguments("logout", Map.of("productKey", SUB_PK), "deviceName"),
                arguments("logout", Map.of("deviceName", "sensor-01"), "productKey"),
                arguments("logout", new SubDeviceId(SUB_PK, "abc"), "4 to 32"),
                arguments("logout", new SubDeviceId(SUB_PK, "a".repeat(33)), "4 to 32"),
                arguments("logout", new SubDeviceId(SUB_PK, "dev/ice"), "deviceName"),
                arguments("logout", new SubDeviceId(SUB_PK, "dev+ice"), "deviceName"),
                arguments("logout", new SubDeviceId(SUB_PK, "dev#ice"), "deviceName"),
                arguments("logout", new SubDeviceId(SUB_PK, "dev\0ice"), "deviceName"),
                arguments("logout", new SubDeviceId("a1-Sub", "sensor-01"), "productKey"),
                arguments("logout", 42, "Integer"),
                arguments("logout", List.of(new SubDeviceId(SUB_PK, "sensor-01")), "batchLogout"),
                arguments("login", SubDevice.of(SUB_PK, "sensor-01"), "deviceSecret"),
                arguments("login", SubDevice.withSign(SUB_PK, "sensor-01", "ABC", null, null, null), "signMethod"),
                arguments("batchLogout", List.of(), "empty"),
                arguments("batchLogout", "[]", "empty"),
                arguments("batchLogout", Arrays.asList(new SubDeviceId(SUB_PK, "sensor-01"), null), "null"),
                arguments("batchLogout", List.of(new SubDeviceId(SUB_PK, "sensor-01"), new SubDeviceId(SUB_PK, "sensor-01")),
                        "twice"),
                arguments("batchLogin", List.of(SubDevice.withSecret(SUB_PK, "sensor-01", "s"), SubDevice.of(SUB_PK, "sensor-02")),
                        "deviceSecret"));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("badBodies")
    void isRefusedWithATypedErrorAndNothingIsPublished(String operation, Object body, String expectedMessage) {
        Exchange done = template.send("alink-session:" + operation + "?batching=false", e -> e.getMessage().setBody(body));

        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class)
                .hasMessageContaining(expectedMessage);
        for (SessionOperation op : SessionOperation.values()) {
            assertThat(messagesSeen(op)).as("messages on %s", op).isZero();
        }
    }

    @Test
    void aSecretInABadBodyIsNotQuotedInTheError() {
        Exchange done = template.send("alink-session:login", e -> e.getMessage().setBody(
                Map.of("productKey", SUB_PK, "deviceName", "ab", "deviceSecret", "TOPSECRET-123")));
        assertThat(done.getException()).isInstanceOf(InvalidSubDeviceException.class);
        assertThat(done.getException().getMessage()).doesNotContain("TOPSECRET-123");
    }

    @Test
    void anEndpointWithAnotherQosThanZeroFailsAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("alink-session:logout?qos=1"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("QoS 0 only");
    }

    @Test
    void aGatewayIdentityWithTopicCharactersFailsAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("alink-session:logout?gatewayDeviceName=gw/+x"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("MQTT topic characters");
    }

    @Test
    void aBatchSizeOverFiftyOrAnUnknownOperationFailsAtCreation() {
        assertThatThrownBy(() -> context.getEndpoint("alink-session:logout?batchSize=51"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("batchSize must be 1 to 50");
        assertThatThrownBy(() -> context.getEndpoint("alink-session:delete"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("Unknown alink-session operation");
    }
}
