package io.github.camel.iotgateway.kamelets;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.EmbeddedMqttBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Camel JBang section does what it says: its route.yaml and application.properties, run by its
 * {@code camel run ... --dep=...} command, log a sub-device in on the platform, with the components taken from the
 * local Maven repository as {@code --dep}s (not from this JVM's classpath). The command runs in a JVM of its own with
 * only camel-jbang-core 4.17.0 on its classpath (what the JBang script puts there), against the embedded broker and
 * Alibaba simulator this test starts; the broker lets the gateway in only with the identity signed by the secret the
 * environment gives.
 * <p>
 * On demand (tag "jbang"): it needs this build's jars installed ({@code mvn install}) and downloads what Camel JBang
 * loads at run time on its first run. {@code mvn -pl kamelets test -Dgroups=jbang -DexcludedGroups=}
 */
@Tag("jbang")
class CamelJBangRunTest {

    private static final String SUB_PK = "a1SubPk0001";
    private static final String GATEWAY_SECRET = "gw+JBang&Secret=1";
    private static final long RUN_TIMEOUT_SECONDS = 300;

    private static EmbeddedMqttBroker broker;
    private static String jbangClasspath;

    private final String gatewayProductKey = KameletTestSupport.uniqueAlinkProductKey();
    private final String gatewayDeviceName = "gw-jbang";
    private AlinkPlatformSimulator platform;
    private Path workDir;

    @BeforeAll
    static void startBrokerAndResolveTheCamelCommand() throws Exception {
        jbangClasspath = JBangClasspath.resolve();
        broker = EmbeddedMqttBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void startThePlatform(TestInfo test) throws IOException {
        platform = AlinkPlatformSimulator.start(broker.brokerUrl(), gatewayProductKey, gatewayDeviceName);
        broker.setConnectAuthenticator(new AlinkSignedConnects(gatewayProductKey, gatewayDeviceName, GATEWAY_SECRET));
        workDir = Path.of("target", "jbang-run", test.getTestMethod().orElseThrow().getName()).toAbsolutePath();
        Files.createDirectories(workDir);
    }

    @AfterEach
    void closeThePlatform() {
        broker.setConnectAuthenticator(null);
        assertThat(platform.violations()).as("protocol violations seen by the platform").isEmpty();
        platform.close();
    }

    @Test
    void theReadmesRouteRunByTheReadmesCommandLogsTheSubDeviceIn() throws Exception {
        platform.registerSubDevice(SUB_PK, "jbang-01", "sub-secret-01");
        writeTheReadmesFiles(ReadmeSnippets.the("yaml", "# route.yaml").text());

        Run run = camel(ReadmeSnippets.camelCommand("run"), "jbang-01", "sub-secret-01");

        assertThat(run.exitCode()).as("exit status of camel run; its output:%n%s", run.output()).isZero();
        assertThat(platform.isOnline(SUB_PK, "jbang-01")).as("online on the platform").isTrue();
        assertThat(platform.requestCount(SessionOperation.LOGIN)).isEqualTo(1);
        assertThat(run.output()).contains("200 " + SUB_PK + "/jbang-01");
    }

    @Test
    void theSameRouteThroughTheKameletWithTheKameletsJarAsItsDependency() throws Exception {
        platform.registerSubDevice(SUB_PK, "jbang-02", "sub-secret-02");
        String route = ReadmeSnippets.the("yaml", "# route.yaml").text();
        assertThat(route).contains("to: \"alink-session:login\"");
        writeTheReadmesFiles(route.replace("to: \"alink-session:login\"",
                "to: \"kamelet:alink-subdevice-session-sink?operation=login\""));
        List<String> command = new ArrayList<>(ReadmeSnippets.camelCommand("run"));
        command.replaceAll(word -> word.startsWith("--dep=io.github.camel-iot-gateway:camel-alink-session:")
                ? word.replace(":camel-alink-session:", ":kamelets:") : word);
        assertThat(command).anyMatch(word -> word.startsWith("--dep=io.github.camel-iot-gateway:kamelets:"));

        Run run = camel(command, "jbang-02", "sub-secret-02");

        assertThat(run.exitCode()).as("exit status of camel run; its output:%n%s", run.output()).isZero();
        assertThat(platform.isOnline(SUB_PK, "jbang-02")).as("online on the platform").isTrue();
        assertThat(run.output()).contains("200 " + SUB_PK + "/jbang-02");
    }

    private void writeTheReadmesFiles(String route) throws IOException {
        Files.writeString(workDir.resolve("route.yaml"), route);
        Files.writeString(workDir.resolve("application.properties"),
                ReadmeSnippets.the("properties", "# application.properties").text());
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * Runs {@code camel <arguments>} in workDir, in a JVM of its own, until it ends. Added to the README's command:
     * stop after the one message, no snapshot repository of Apache (out of reach here), no colours in the log.
     */
    private Run camel(List<String> arguments, String subDeviceName, String subDeviceSecret) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator + jbangClasspath,
                // where Maven installed this build's jars; a home of its own for what Camel JBang keeps in ~/.camel
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-Duser.home=" + workDir.resolve("home"),
                CamelCli.class.getName()));
        command.addAll(arguments);
        command.addAll(List.of("--max-messages=1", "--maven-apache-snapshot-enabled=false", "--logging-color=false"));
        Path output = workDir.resolve("camel-run.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("ALINK_BROKER_URL", broker.brokerUrl());
        env.put("ALINK_GATEWAY_PRODUCT_KEY", gatewayProductKey);
        env.put("ALINK_GATEWAY_DEVICE_NAME", gatewayDeviceName);
        env.put("ALINK_GATEWAY_SECRET", GATEWAY_SECRET);
        env.put("SUB_PRODUCT_KEY", SUB_PK);
        env.put("SUB_DEVICE_NAME", subDeviceName);
        env.put("SUB_DEVICE_SECRET", subDeviceSecret);
        Process process = builder.start();
        try {
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("camel run did not end within " + RUN_TIMEOUT_SECONDS + " s; its output:\n"
                                         + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
