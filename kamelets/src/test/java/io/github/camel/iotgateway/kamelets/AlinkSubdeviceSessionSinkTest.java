package io.github.camel.iotgateway.kamelets;

import java.util.List;
import java.util.Properties;

import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * alink-subdevice-session-sink, from the YAML routes of routes/alink-subdevice-sessions.yaml: each exchange logs its
 * sub-device in or out on the platform and ends with the platform's answer; the gateway connects with the signed
 * identity of the secret given as the kamelet's property.
 */
class AlinkSubdeviceSessionSinkTest extends KameletTestSupport {

    private static final String SUB_PK = "a1SubPk0001";
    /** Characters that mean something in a URI query: the secret must still reach the component as it is. */
    private static final String GATEWAY_SECRET = "gw+Secret&x=1%20?#kamelet";

    private static final String GATEWAY_DEVICE_NAME = "gw-kamelet";

    private final String gatewayProductKey = uniqueAlinkProductKey();
    private final AlinkSignedConnects connects = new AlinkSignedConnects(gatewayProductKey, GATEWAY_DEVICE_NAME,
            GATEWAY_SECRET);
    private AlinkPlatformSimulator platform;

    @Override
    protected void startPlatform() {
        platform = alinkPlatform(gatewayProductKey, GATEWAY_DEVICE_NAME);
        // from now on the broker lets the gateway in only with the identity signed by GATEWAY_SECRET
        broker().setConnectAuthenticator(connects);
    }

    @Override
    protected Properties applicationProperties() {
        return GatewaySettings.alinkSubdeviceSessionSink(broker().brokerUrl(), gatewayProductKey, GATEWAY_DEVICE_NAME,
                GATEWAY_SECRET);
    }

    @BeforeEach
    void loadTheRoutes() throws Exception {
        loadRoutes("alink-subdevice-sessions.yaml");
    }

    @Test
    void aLoginBringsTheSubDeviceOnlineAndEndsWithItsIdAndThePlatformsCode() {
        platform.registerSubDevice(SUB_PK, "kam-login-1", "sub-secret-1");

        Exchange done = template.send("direct:bring-online", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-login-1\",\"deviceSecret\":\"sub-secret-1\"}"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(new SubDeviceId(SUB_PK, "kam-login-1"));
        assertThat(done.getMessage().getHeader(AlinkSessionConstants.CODE, Integer.class)).isEqualTo(200);
        assertThat(platform.isOnline(SUB_PK, "kam-login-1")).isTrue();
        assertThat(platform.requestCount(SessionOperation.LOGIN)).isEqualTo(1);
    }

    @Test
    void theGatewayConnectsWithTheIdentitySignedByTheSecretOfTheKameletsProperty() {
        platform.registerSubDevice(SUB_PK, "kam-login-2", "sub-secret-2");

        Exchange done = template.send("direct:bring-online", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-login-2\",\"deviceSecret\":\"sub-secret-2\"}"));

        assertThat(done.getException()).isNull();
        // every other CONNECT is refused: the one gateway connection was signed with the secret, unchanged by the URI
        assertThat(connects.signedConnects()).isEqualTo(1);
    }

    @Test
    void aLogoutTakesTheSubDeviceOffline() {
        platform.setOnline(SUB_PK, "kam-logout-1");

        Exchange done = template.send("direct:take-offline", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-logout-1\"}"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(new SubDeviceId(SUB_PK, "kam-logout-1"));
        assertThat(platform.isOnline(SUB_PK, "kam-logout-1")).isFalse();
    }

    @Test
    void aLogoutThePlatformRefusesFailsTheCallersExchangeWithTheTypedError() {
        Exchange done = template.send("direct:take-offline", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-never-online\"}"));

        assertThat(done.getException()).isInstanceOf(AlinkNoSessionException.class);
        assertThat(((AlinkNoSessionException) done.getException()).getCode()).isEqualTo(520);
        assertThat(platform.requestCount(SessionOperation.LOGOUT)).isEqualTo(1);
    }

    @Test
    void aBatchLoginTakesAJsonArrayAndEndsWithEverySubDevice() {
        List<String> names = List.of("kam-batch-1", "kam-batch-2", "kam-batch-3");
        names.forEach(n -> platform.registerSubDevice(SUB_PK, n, "s-" + n));
        String body = names.stream().map(n -> "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"" + n
                                               + "\",\"deviceSecret\":\"s-" + n + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));

        Exchange done = template.send("direct:bring-many-online", e -> e.getMessage().setBody(body));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(List.class)).containsExactlyElementsOf(
                names.stream().map(n -> new SubDeviceId(SUB_PK, n)).toList());
        assertThat(platform.onlineSubDevices()).containsExactlyInAnyOrderElementsOf(
                names.stream().map(n -> new SubDeviceId(SUB_PK, n)).toList());
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGIN)).isEqualTo(1);
    }

    @Test
    void theOperationIsTheKameletsPropertyWhateverHeaderAnEarlierStepLeft() {
        platform.registerSubDevice(SUB_PK, "kam-login-3", "sub-secret-3");

        Exchange done = template.send("direct:bring-online", e -> {
            e.getMessage().setHeader(AlinkSessionConstants.OPERATION, "logout");
            e.getMessage().setBody("{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"kam-login-3\","
                                   + "\"deviceSecret\":\"sub-secret-3\"}");
        });

        assertThat(done.getException()).isNull();
        assertThat(platform.isOnline(SUB_PK, "kam-login-3")).isTrue();
        assertThat(platform.requestCount(SessionOperation.LOGOUT)).isZero();
    }
}
