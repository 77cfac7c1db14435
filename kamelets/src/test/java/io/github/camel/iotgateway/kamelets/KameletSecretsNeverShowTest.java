package io.github.camel.iotgateway.kamelets;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.CapturedLogs;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A gateway secret given as a kamelet property, a sub-device secret in the body a kamelet hands on, and the CONNECT
 * passwords signed with the gateway secret never show in what this JVM logs at any level (the surefire execution
 * {@code secrets-with-every-log-level} of this module's pom sends every SLF4J level to a file), but for Camel core's
 * own DEBUG and TRACE lines that show a resolved property placeholder or the endpoint URI it went into, which the
 * README warns of: keep {@code org.apache.camel} at INFO or above.
 */
class KameletSecretsNeverShowTest extends KameletTestSupport {

    /** Camel core's lines that show a resolved {{placeholder}} or the resolved URI, whatever the value is. */
    static final List<String> CAMEL_CORE_RESOLVED_VALUE_LINES = List.of(
            " DEBUG org.apache.camel.component.properties.DefaultPropertiesParser - ",
            " TRACE org.apache.camel.component.properties.PropertiesComponent - ",
            " DEBUG org.apache.camel.impl.engine.DefaultCamelContextExtension - ");

    private static final String SUB_PK = "a1SubPk0001";
    private static final String GATEWAY_SECRET = "gwKameletSecretNeverShown01";
    private static final String SUB_SECRET = "subKameletSecretNeverShown02";
    private static final Set<String> SIGNED = ConcurrentHashMap.newKeySet();

    private final String gatewayProductKey = uniqueAlinkProductKey();
    private AlinkPlatformSimulator platform;

    @BeforeAll
    static void captureEverything() {
        assumeThat(CapturedLogs.everyLevelGoesToAFile())
                .as("runs in the surefire execution secrets-with-every-log-level, which logs every level to a file")
                .isTrue();
        CapturedLogs.start();
    }

    @AfterAll
    static void nothingLoggedWhileTheClassRanShowsASecret() throws Exception {
        if (!CapturedLogs.everyLevelGoesToAFile()) {
            return;
        }
        CapturedLogs.keepBesideTheLogFile();
        List<String> leftOut = new ArrayList<>(CapturedLogs.CAMEL_CORE_RAW_URI_LINES);
        leftOut.addAll(CAMEL_CORE_RESOLVED_VALUE_LINES);
        assertThat(SIGNED).as("CONNECT passwords the broker was shown").isNotEmpty();
        assertThat(CapturedLogs.firstSecretIn(CapturedLogs.textSince(CapturedLogs.Mark.START, leftOut),
                List.of(GATEWAY_SECRET, SUB_SECRET), SIGNED)).as("a secret in the captured logs").isNull();
    }

    @Override
    protected void startPlatform() {
        platform = alinkPlatform(gatewayProductKey, "gw-secrets");
        broker().setConnectAuthenticator(new AlinkSignedConnects(gatewayProductKey, "gw-secrets", GATEWAY_SECRET, SIGNED));
    }

    @Override
    protected Properties applicationProperties() {
        return GatewaySettings.alinkSubdeviceSessionSink(broker().brokerUrl(), gatewayProductKey, "gw-secrets",
                GATEWAY_SECRET);
    }

    @BeforeEach
    void loadTheRoutes() throws Exception {
        loadRoutes("alink-subdevice-sessions.yaml");
    }

    @Test
    void aLoginAndALogoutThePlatformRefusesLogNoSecret() {
        platform.registerSubDevice(SUB_PK, "sec-01", SUB_SECRET);

        Exchange login = template.send("direct:bring-online", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"sec-01\",\"deviceSecret\":\"" + SUB_SECRET + "\"}"));
        // the default error handler logs this one, with the route's message history
        Exchange refused = template.send("direct:take-offline", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"sec-never-online\"}"));

        assertThat(login.getException()).isNull();
        assertThat(platform.isOnline(SUB_PK, "sec-01")).isTrue();
        assertThat(refused.getException()).isInstanceOf(AlinkNoSessionException.class);
    }

    @Test
    void aLoginThePlatformRefusesLogsNoSecret() {
        platform.registerSubDevice(SUB_PK, "sec-02", "another-secret");

        // a wrong sub-device secret: the platform refuses the sign, the error handler logs the failed exchange
        Exchange refused = template.send("direct:bring-online", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"sec-02\",\"deviceSecret\":\"" + SUB_SECRET + "\"}"));

        assertThat(refused.getException()).isNotNull();
        assertThat(platform.isOnline(SUB_PK, "sec-02")).isFalse();
    }
}
