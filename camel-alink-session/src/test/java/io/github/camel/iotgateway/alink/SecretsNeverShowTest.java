package io.github.camel.iotgateway.alink;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.simulator.CapturedLogs;
import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.protocol.alink.AlinkSigner;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Secrets (the gateway's device secret, an MQTT password, sub-device secrets, ready signs, and the passwords and
 * signs computed from them) never appear in logs at any level, in exception messages, in toString, or in the endpoint URIs Camel shows.
 * Every log line of this JVM is captured: SLF4J at TRACE into a file and java.util.logging at ALL (the surefire
 * execution {@code secrets-with-every-log-level} of this module's pom sets that up), plus the console.
 *
 * <p>One exception, outside the component: a secret written into an endpoint URI shows in Camel core's own TRACE lines
 * about that URI ({@link CapturedLogs#CAMEL_CORE_RAW_URI_LINES}), and in {@code getEndpointUri()} and
 * {@code getEndpointKey()}, which are the URI as given. Set secrets on the component instead; the disabled test
 * below states the stricter rule.
 */
class SecretsNeverShowTest extends AlinkTestSupport {

    private static final String GATEWAY_SECRET = "gwSecretNeverShown0001";
    private static final String WRONG_GATEWAY_SECRET = "gwWrongSecretNeverShown02";
    private static final String SUB_SECRET = "subSecretNeverShown0003";
    private static final String OTHER_SUB_SECRET = "subSecretNeverShown0004";
    private static final String MQTT_PASSWORD = "mqttPasswordNeverShown0005";
    private static final String READY_SIGN = "A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9";
    /** Every secret the tests used: none may show anywhere. */
    private static final List<String> SECRETS = List.of(GATEWAY_SECRET, WRONG_GATEWAY_SECRET, SUB_SECRET,
            OTHER_SUB_SECRET, MQTT_PASSWORD, READY_SIGN);
    /** Every sign and password computed from a secret (hex): none may show anywhere either. */
    private static final Set<String> SIGNED = ConcurrentHashMap.newKeySet();
    /** The CONNECT passwords the broker was shown: computed by the component from the gateway secret. */
    private static final List<String> PASSWORDS_AT_BROKER = new CopyOnWriteArrayList<>();

    private final List<Throwable> failures = new ArrayList<>();
    private long contextCreatedAt;
    private CapturedLogs.Mark logsAtStart;

    @BeforeAll
    static void captureEverything() {
        assumeThat(CapturedLogs.everyLevelGoesToAFile())
                .as("runs in the surefire execution secrets-with-every-log-level, which logs every level to a file")
                .isTrue();
        CapturedLogs.start();
    }

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(1000);
        configuration.setGatewayDeviceSecret(GATEWAY_SECRET);
        contextCreatedAt = System.currentTimeMillis();
        try {
            logsAtStart = CapturedLogs.mark();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        embeddedBroker().setConnectAuthenticator((clientId, username, password) -> {
            if (clientId.startsWith("alink-platform-sim")) {
                return true;
            }
            PASSWORDS_AT_BROKER.add(password);
            return AlinkConnectCredentials.verify(clientId, username, password, gatewayProductKey, gatewayDeviceName,
                    GATEWAY_SECRET);
        });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the default error handler: it logs every failed exchange
                from("direct:login").to("alink-session:login");
            }
        };
    }

    @AfterEach
    void openTheBrokerAgainAndRememberTheConnectPasswords() {
        embeddedBroker().setConnectAuthenticator(null);
        SIGNED.addAll(PASSWORDS_AT_BROKER);
    }

    @AfterAll
    static void nothingLoggedWhileTheClassRanShowsASecret() throws Exception {
        if (!CapturedLogs.everyLevelGoesToAFile()) {
            return;
        }
        CapturedLogs.keepBesideTheLogFile();
        assertThat(CapturedLogs.firstSecretIn(CapturedLogs.textSince(CapturedLogs.Mark.START, CapturedLogs.CAMEL_CORE_RAW_URI_LINES), SECRETS, SIGNED))
                .as("a secret in the captured logs").isNull();
    }

    @Test
    void theGatewaySecretSetOnTheComponentAndTheConnectPasswordSignedWithItNeverShow() throws Exception {
        platform.setOnline(SUB_PK, "sec-logout-1");

        Exchange done = template.send("alink-session:logout", e -> e.getMessage().setBody(new SubDeviceId(SUB_PK,
                "sec-logout-1")));
        collect(template.send("alink-session:batchLogout", e -> e.getMessage().setBody(List.of(
                new SubDeviceId(SUB_PK, "sec-none-1")))));

        assertThat(done.getException()).isNull();
        assertThat(PASSWORDS_AT_BROKER).as("the gateway connected with a signed password").isNotEmpty();
        SIGNED.addAll(connectPasswordsSince(contextCreatedAt, GATEWAY_SECRET));
        Endpoint endpoint = context.getEndpoint("alink-session:logout");
        assertNothingShows(List.of(endpoint.getEndpointUri(), endpoint.getEndpointKey(), endpoint.toString(),
                ((AlinkSessionEndpoint) endpoint).getConfiguration().toString(),
                context.getComponent("alink-session", AlinkSessionComponent.class).getConfiguration().toString(),
                context.getEndpoints().toString()), List.of());
    }

    @Test
    void aGatewaySecretInAnEndpointUriIsMaskedInToStringAndNeverShowsInTheComponentsLogsOrAtDebugAndAbove()
            throws Exception {
        Endpoint withSecretInUri = context.getEndpoint("alink-session:batchLogout?gatewayDeviceSecret=RAW("
                                                       + GATEWAY_SECRET + ")&requestTimeout=5000");
        collect(template.send(withSecretInUri, e -> e.getMessage().setBody(List.of(
                new SubDeviceId(SUB_PK, "sec-none-2")))));

        assertThat(failures).hasSize(1);
        SIGNED.addAll(connectPasswordsSince(contextCreatedAt, GATEWAY_SECRET));
        assertNothingShows(List.of(withSecretInUri.toString(), withSecretInUri.getEndpointBaseUri(),
                ((AlinkSessionEndpoint) withSecretInUri).getConfiguration().toString(),
                context.getEndpoints().toString()), CapturedLogs.CAMEL_CORE_RAW_URI_LINES);
    }

    @Disabled("flaw, in Camel core rather than the component: a secret written into an endpoint URI shows in TRACE"
              + " lines of org.apache.camel.impl.engine.AbstractCamelContext ('Getting endpoint with uri: ...',"
              + " 'Creating endpoint from uri: ...'), org.apache.camel.support.EndpointHelper ('Resolved property"
              + " placeholders with uri: ...', also for a {{placeholder}} once resolved) and"
              + " org.apache.camel.support.DefaultComponent ('parameters=[{gatewayDeviceSecret=...}]'), and"
              + " Endpoint.getEndpointUri()/getEndpointKey() return it as given; only toString and"
              + " CamelContext.getEndpoints() mask it")
    @Test
    void aGatewaySecretInAnEndpointUriNeverShowsEvenInCamelCoresTraceLines() throws Exception {
        Endpoint withSecretInUri = context.getEndpoint("alink-session:batchLogout?gatewayDeviceSecret=RAW("
                                                       + GATEWAY_SECRET + ")&requestTimeout=5000");
        collect(template.send(withSecretInUri, e -> e.getMessage().setBody(List.of(
                new SubDeviceId(SUB_PK, "sec-none-3")))));

        assertNothingShows(List.of(withSecretInUri.getEndpointUri(), withSecretInUri.getEndpointKey()), List.of());
    }

    @Test
    void subDeviceSecretsAndTheSignsComputedFromThemNeverShow() throws Exception {
        platform.registerSubDevice(SUB_PK, "sec-sub-1", SUB_SECRET);
        platform.registerSubDevice(SUB_PK, "sec-sub-2", OTHER_SUB_SECRET);
        String timestamp = "1700000000000";
        SIGNED.add(AlinkSigner.loginSign(SignMethod.HMAC_SHA1, SUB_SECRET, "own-client", "sec-sub-1", SUB_PK,
                timestamp));

        long start = System.currentTimeMillis();
        collect(template.send("alink-session:login", e -> e.getMessage().setBody(
                SubDevice.withSecret(SUB_PK, "sec-sub-1", SUB_SECRET))));
        collect(template.send("alink-session:login", e -> e.getMessage().setBody(new SubDevice(SUB_PK, "sec-sub-1",
                SUB_SECRET, null, SignMethod.HMAC_SHA1, timestamp, "own-client", null))));
        collect(template.send("alink-session:batchLogin", e -> e.getMessage().setBody(List.of(
                SubDevice.withSecret(SUB_PK, "sec-sub-1", SUB_SECRET),
                SubDevice.withSecret(SUB_PK, "sec-sub-2", OTHER_SUB_SECRET)))));
        // refused: the wrong secret (6287), a sub-device outside the topology (6100), a silent platform (timeout)
        collect(template.send("alink-session:login?batching=false", e -> e.getMessage().setBody(
                SubDevice.withSecret(SUB_PK, "sec-sub-2", SUB_SECRET))));
        collect(template.send("alink-session:login", e -> e.getMessage().setBody(
                SubDevice.withSecret(SUB_PK, "sec-nowhere", OTHER_SUB_SECRET))));
        // bodies a route builds: a Map and JSON text, sent through a route whose error handler logs the failure
        Map<String, Object> asMap = new HashMap<>();
        asMap.put("productKey", SUB_PK);
        asMap.put("deviceName", "sec-sub-2");
        asMap.put("deviceSecret", SUB_SECRET);
        collect(template.send("direct:login", e -> e.getMessage().setBody(asMap)));
        collect(template.send("direct:login", e -> e.getMessage().setBody("{\"productKey\":\"" + SUB_PK
                + "\",\"deviceName\":\"sec-sub-2\",\"deviceSecret\":\"" + SUB_SECRET + "\",\"cleanSession\":\"maybe\"}")));
        collect(template.send("direct:login", e -> e.getMessage().setBody("{\"deviceSecret\":\"" + SUB_SECRET + "\"")));
        platform.setSilent(true);
        collect(template.send("alink-session:login", e -> e.getMessage().setBody(
                SubDevice.withSecret(SUB_PK, "sec-sub-1", OTHER_SUB_SECRET))));
        platform.setSilent(false);
        long end = System.currentTimeMillis();

        for (String secret : List.of(SUB_SECRET, OTHER_SUB_SECRET)) {
            for (String dn : List.of("sec-sub-1", "sec-sub-2", "sec-nowhere")) {
                SIGNED.addAll(loginSignsBetween(start, end, secret, dn));
            }
        }
        assertThat(failures).as("some exchanges failed, as they should").hasSizeGreaterThanOrEqualTo(5);
        assertThat(platform.isOnline(SUB_PK, "sec-sub-2")).isTrue();
        assertNothingShows(List.of(SubDevice.withSecret(SUB_PK, "sec-sub-1", SUB_SECRET).toString(),
                LoginParams.of(SubDevice.withSecret(SUB_PK, "sec-sub-1", SUB_SECRET), SignMethod.HMAC_SHA256,
                        () -> 1L).toString()), CapturedLogs.CAMEL_CORE_RAW_URI_LINES);
    }

    @Test
    void aReadySignNeverShowsWhetherThePlatformTakesItOrNot() throws Exception {
        platform.registerSubDevice(SUB_PK, "sec-ready-1", SUB_SECRET);
        String rightSign = AlinkSigner.loginSign(SignMethod.HMAC_SHA256, SUB_SECRET, "ready-client", "sec-ready-1",
                SUB_PK, "1700000000001");
        SIGNED.add(rightSign);

        collect(template.send("alink-session:login", e -> e.getMessage().setBody(SubDevice.withSign(SUB_PK,
                "sec-ready-1", rightSign, SignMethod.HMAC_SHA256, "1700000000001", "ready-client"))));
        collect(template.send("alink-session:login", e -> e.getMessage().setBody(SubDevice.withSign(SUB_PK,
                "sec-ready-1", READY_SIGN, SignMethod.HMAC_SHA256, "1700000000001", "ready-client"))));
        collect(template.send("alink-session:login", e -> e.getMessage().setBody(SubDevice.withSign(SUB_PK,
                "sec-ready-1", READY_SIGN, null, "1700000000001", "ready-client"))));

        assertThat(platform.isOnline(SUB_PK, "sec-ready-1")).isTrue();
        assertThat(failures).hasSize(2);
        assertNothingShows(List.of(), CapturedLogs.CAMEL_CORE_RAW_URI_LINES);
    }

    @Test
    void aWrongGatewaySecretFailsWithoutShowingItOrThePasswordSignedWithIt() throws Exception {
        long start = System.currentTimeMillis();
        String uri = "alink-session:logout?gatewayDeviceName=gw-02&gatewayDeviceSecret=RAW(" + WRONG_GATEWAY_SECRET
                     + ")";

        Throwable failure = null;
        try {
            collect(template.send(uri, e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "sec-logout-2"))));
        } catch (Exception e) {
            failure = e;
        }

        assertThat(failure).as("the broker refused the CONNECT").isNotNull();
        failures.add(failure);
        SIGNED.addAll(PASSWORDS_AT_BROKER);
        SIGNED.addAll(connectPasswordsBetween(start, System.currentTimeMillis(), WRONG_GATEWAY_SECRET, "gw-02"));
        assertNothingShows(List.of(context.getEndpoints().toString()), CapturedLogs.CAMEL_CORE_RAW_URI_LINES);
    }

    @Test
    void aPlainMqttPasswordNeverShows() throws Exception {
        AlinkSessionComponent plain = new AlinkSessionComponent();
        plain.getConfiguration().setBrokerUrl(brokerUrl());
        plain.getConfiguration().setGatewayProductKey(gatewayProductKey);
        plain.getConfiguration().setGatewayDeviceName(gatewayDeviceName);
        plain.getConfiguration().setUserName("plain-user");
        plain.getConfiguration().setPassword(MQTT_PASSWORD);
        embeddedBroker().setConnectAuthenticator((clientId, username, password) -> clientId.startsWith(
                "alink-platform-sim") || "plain-user".equals(username) && MQTT_PASSWORD.equals(password));
        context.addComponent("alink-session-plain", plain);
        platform.setOnline(SUB_PK, "sec-plain-1");

        Exchange done = template.send("alink-session-plain:logout", e -> e.getMessage().setBody(
                new SubDeviceId(SUB_PK, "sec-plain-1")));
        collect(template.send("alink-session-plain:logout", e -> e.getMessage().setBody(
                new SubDeviceId(SUB_PK, "sec-plain-1"))));

        assertThat(done.getException()).isNull();
        assertThat(failures).hasSize(1);
        assertNothingShows(List.of(plain.getConfiguration().toString(),
                context.getEndpoint("alink-session-plain:logout").toString()), List.of());
    }

    private void collect(Exchange done) {
        if (done.getException() != null) {
            failures.add(done.getException());
        }
    }

    /**
     * None of the texts, the failures' messages, toString and stack traces, or the logs so far holds a secret.
     *
     * @param leftOut markers of log lines not looked at (Camel core's raw URI lines, where a test put one in a URI); the
     *                logs looked at are those since the test's CamelContext was made
     */
    private void assertNothingShows(List<String> texts, List<String> leftOut) throws Exception {
        List<String> all = new ArrayList<>(texts);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            all.add(trace.toString());
            for (Throwable t = failure; t != null; t = t.getCause()) {
                all.add(String.valueOf(t.getMessage()));
                all.add(t.toString());
            }
        }
        for (String text : all) {
            assertThat(CapturedLogs.firstSecretIn(text, SECRETS, SIGNED)).as("a secret in a message, toString or URI").isNull();
        }
        assertThat(CapturedLogs.slf4jLinesAt("TRACE")).as("TRACE lines captured").isPositive();
        assertThat(CapturedLogs.slf4jLinesAt("DEBUG")).as("DEBUG lines captured").isPositive();
        assertThat(CapturedLogs.julRecordsOf("org.eclipse.paho")).as("Paho's java.util.logging records").isPositive();
        assertThat(CapturedLogs.firstSecretIn(CapturedLogs.textSince(logsAtStart, leftOut), SECRETS, SIGNED))
                .as("a secret in the captured logs").isNull();
    }

    /** The passwords the component may have signed for this gateway since then, at either secure mode. */
    private List<String> connectPasswordsSince(long since, String secret) {
        return connectPasswordsBetween(since, System.currentTimeMillis(), secret, gatewayDeviceName);
    }

    private List<String> connectPasswordsBetween(long from, long to, String secret, String deviceName) {
        List<String> passwords = new ArrayList<>();
        for (long t = from - 50; t <= to; t++) {
            for (int mode : new int[] {AlinkConnectCredentials.SECURE_MODE_TCP, AlinkConnectCredentials.SECURE_MODE_TLS}) {
                passwords.add(AlinkConnectCredentials.of(gatewayProductKey, deviceName, secret, t, mode).password());
            }
        }
        return passwords;
    }

    /** The signs a login with the default clientId and timestamp may have carried between the two instants. */
    private static List<String> loginSignsBetween(long from, long to, String secret, String deviceName) {
        List<String> signs = new ArrayList<>();
        for (long t = from; t <= to; t++) {
            signs.add(AlinkSigner.loginSign(SignMethod.HMAC_SHA256, secret, SUB_PK + "&" + deviceName, deviceName,
                    SUB_PK, Long.toString(t)));
        }
        return signs;
    }
}
