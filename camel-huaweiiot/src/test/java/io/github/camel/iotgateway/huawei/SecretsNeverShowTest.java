package io.github.camel.iotgateway.huawei;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camel.iotgateway.simulator.CapturedLogs;
import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
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
 * Secrets (the gateway's device secret, an MQTT password, and the CONNECT passwords computed from the secret) never
 * appear in logs at any level, in exception messages, in toString, or in the endpoint URIs Camel shows. Every log line
 * of this JVM is captured: SLF4J at TRACE into a file and java.util.logging at ALL (the surefire execution
 * {@code secrets-with-every-log-level} of this module's pom sets that up), plus the console.
 *
 * <p>One exception, outside the component: a secret written into an endpoint URI shows in Camel core's own TRACE lines
 * about that URI ({@link CapturedLogs#CAMEL_CORE_RAW_URI_LINES}), and in {@code getEndpointUri()} and
 * {@code getEndpointKey()}, which are the URI as given. Set secrets on the component instead; the disabled test
 * below states the stricter rule.
 */
class SecretsNeverShowTest extends HuaweiIotTestSupport {

    private static final String GATEWAY_SECRET = "gwSecretNeverShown1001";
    private static final String WRONG_GATEWAY_SECRET = "gwWrongSecretNeverShown1002";
    private static final String MQTT_PASSWORD = "mqttPasswordNeverShown1003";
    /** Every secret the tests used: none may show anywhere. */
    private static final List<String> SECRETS = List.of(GATEWAY_SECRET, WRONG_GATEWAY_SECRET, MQTT_PASSWORD);
    /** Every password computed from a secret (hex): none may show anywhere either. */
    private static final Set<String> SIGNED = ConcurrentHashMap.newKeySet();
    /** The CONNECT passwords the broker was shown. */
    private static final List<String> PASSWORDS_AT_BROKER = new CopyOnWriteArrayList<>();

    private final List<Throwable> failures = new ArrayList<>();
    private CapturedLogs.Mark logsAtStart;

    @BeforeAll
    static void captureEverything() {
        assumeThat(CapturedLogs.everyLevelGoesToAFile())
                .as("runs in the surefire execution secrets-with-every-log-level, which logs every level to a file")
                .isTrue();
        CapturedLogs.start();
        // the password is the HMAC of the secret keyed by the UTC hour: every hour this run may have touched
        Instant now = Instant.now();
        for (String secret : List.of(GATEWAY_SECRET, WRONG_GATEWAY_SECRET)) {
            for (int hours = -1; hours <= 2; hours++) {
                SIGNED.add(IotdaConnectCredentials.password(secret,
                        IotdaConnectCredentials.timestamp(now.plusSeconds(3600L * hours))));
            }
        }
    }

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(1000);
        configuration.setGatewayDeviceSecret(GATEWAY_SECRET);
        try {
            logsAtStart = CapturedLogs.mark();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker().setConnectAuthenticator((clientId, username, password) -> {
            if (clientId.startsWith("iotda-platform-sim-")) {
                return true;
            }
            PASSWORDS_AT_BROKER.add(String.valueOf(password));
            return IotdaConnectCredentials.verify(clientId, username, password, gatewayDeviceId, GATEWAY_SECRET)
                   || "plain-user".equals(username) && MQTT_PASSWORD.equals(password);
        });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the default error handler: it logs every failed exchange
                from("direct:delete").to("huaweiiot:deleteSubDevice");
            }
        };
    }

    @AfterEach
    void openTheBrokerAgainAndRememberTheConnectPasswords() {
        broker().setConnectAuthenticator(null);
        PASSWORDS_AT_BROKER.stream().filter(p -> p.matches("[0-9a-fA-F]{64}")).forEach(SIGNED::add);
    }

    @AfterAll
    static void nothingLoggedWhileTheClassRanShowsASecret() throws Exception {
        if (!CapturedLogs.everyLevelGoesToAFile()) {
            return;
        }
        CapturedLogs.keepBesideTheLogFile();
        assertThat(CapturedLogs.firstSecretIn(CapturedLogs.textSince(CapturedLogs.Mark.START,
                CapturedLogs.CAMEL_CORE_RAW_URI_LINES), SECRETS, SIGNED)).as("a secret in the captured logs").isNull();
    }

    @Test
    void theGatewaySecretSetOnTheComponentAndTheConnectPasswordSignedWithItNeverShow() throws Exception {
        List<String> children = deviceIds("sec", 3);
        registerChildren(children.subList(0, 2));

        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children.get(0)));
        // refused: a child the platform does not know, through a route that logs the failure; a bad entry; a timeout
        collect(template.send("direct:delete", e -> e.getMessage().setBody(children.get(2))));
        collect(template.send("huaweiiot:addSubDevice", e -> e.getMessage().setBody(Map.of("node_id", "n-1"))));
        platform.setSilent(true);
        collect(template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(children.subList(1, 2))));
        platform.setSilent(false);

        assertThat(done.getException()).isNull();
        assertThat(failures).hasSize(3);
        assertThat(PASSWORDS_AT_BROKER).as("the gateway connected with a signed password").isNotEmpty();
        PASSWORDS_AT_BROKER.forEach(SIGNED::add);
        Endpoint endpoint = context.getEndpoint("huaweiiot:deleteSubDevice");
        assertNothingShows(List.of(endpoint.getEndpointUri(), endpoint.getEndpointKey(), endpoint.toString(),
                ((HuaweiIotEndpoint) endpoint).getConfiguration().toString(),
                context.getComponent("huaweiiot", HuaweiIotComponent.class).getConfiguration().toString(),
                context.getEndpoints().toString()), List.of());
    }

    @Test
    void aGatewaySecretInAnEndpointUriIsMaskedInToStringAndNeverShowsInTheComponentsLogsOrAtDebugAndAbove()
            throws Exception {
        Endpoint withSecretInUri = context.getEndpoint("huaweiiot:deleteSubDevice?gatewayDeviceSecret=RAW("
                                                       + GATEWAY_SECRET + ")&requestTimeout=5000");
        collect(template.send(withSecretInUri, e -> e.getMessage().setBody(deviceIds("sec-uri", 1))));

        assertThat(failures).isEmpty();
        assertNothingShows(List.of(withSecretInUri.toString(), withSecretInUri.getEndpointBaseUri(),
                ((HuaweiIotEndpoint) withSecretInUri).getConfiguration().toString(),
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
        Endpoint withSecretInUri = context.getEndpoint("huaweiiot:deleteSubDevice?gatewayDeviceSecret=RAW("
                                                       + GATEWAY_SECRET + ")&requestTimeout=5000");
        collect(template.send(withSecretInUri, e -> e.getMessage().setBody(deviceIds("sec-uri", 1))));

        assertNothingShows(List.of(withSecretInUri.getEndpointUri(), withSecretInUri.getEndpointKey()), List.of());
    }

    @Test
    void aWrongGatewaySecretFailsWithoutShowingItOrThePasswordSignedWithIt() throws Exception {
        String uri = "huaweiiot:deleteSubDevice?gatewayDeviceId=" + gatewayDeviceId + "-2&gatewayDeviceSecret=RAW("
                     + WRONG_GATEWAY_SECRET + ")";

        Throwable failure = null;
        try {
            collect(template.send(uri, e -> e.getMessage().setBody("child")));
        } catch (Exception e) {
            failure = e;
        }

        if (failure != null) {
            failures.add(failure);
        }
        assertThat(failures).as("the broker refused the CONNECT").isNotEmpty();
        PASSWORDS_AT_BROKER.forEach(SIGNED::add);
        assertNothingShows(List.of(context.getEndpoints().toString()), CapturedLogs.CAMEL_CORE_RAW_URI_LINES);
    }

    @Test
    void aPlainMqttPasswordNeverShows() throws Exception {
        HuaweiIotComponent plain = new HuaweiIotComponent();
        plain.getConfiguration().setBrokerUrl(brokerUrl());
        plain.getConfiguration().setGatewayDeviceId(gatewayDeviceId);
        plain.getConfiguration().setUserName("plain-user");
        plain.getConfiguration().setPassword(MQTT_PASSWORD);
        context.addComponent("huaweiiot-plain", plain);
        String child = deviceIds("sec-plain", 1).get(0);
        registerChildren(List.of(child));

        Exchange done = template.send("huaweiiot-plain:deleteSubDevice", e -> e.getMessage().setBody(child));
        collect(template.send("huaweiiot-plain:deleteSubDevice", e -> e.getMessage().setBody(child)));

        assertThat(done.getException()).isNull();
        assertThat(failures).hasSize(1);
        assertNothingShows(List.of(plain.getConfiguration().toString(),
                context.getEndpoint("huaweiiot-plain:deleteSubDevice").toString()), List.of());
    }

    private void collect(Exchange done) {
        if (done.getException() != null) {
            failures.add(done.getException());
        }
    }

    /**
     * None of the texts, the failures' messages, toString and stack traces, or the logs since the test's CamelContext
     * was made holds a secret.
     *
     * @param leftOut markers of log lines not looked at (Camel core's raw URI lines, where a test put one in a URI)
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
            assertThat(CapturedLogs.firstSecretIn(text, SECRETS, SIGNED)).as("a secret in a message, toString or URI")
                    .isNull();
        }
        assertThat(CapturedLogs.slf4jLinesAt("TRACE")).as("TRACE lines captured").isPositive();
        assertThat(CapturedLogs.slf4jLinesAt("DEBUG")).as("DEBUG lines captured").isPositive();
        assertThat(CapturedLogs.julRecordsOf("org.eclipse.paho")).as("Paho's java.util.logging records").isPositive();
        assertThat(CapturedLogs.firstSecretIn(CapturedLogs.textSince(logsAtStart, leftOut), SECRETS, SIGNED))
                .as("a secret in the captured logs").isNull();
    }
}
