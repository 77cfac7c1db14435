package io.github.camel.iotgateway.springboot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camel.iotgateway.simulator.CapturedLogs;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A starter's test application whose log holds every level: Spring Boot's logging writes every level of every logger
 * (java.util.logging, where Paho logs, included) to a file from the start of the context to its end; the broker standing
 * in for the cloud stays at warn. A starter's test (a {@code @SpringBootTest} of its application) sends what logs its
 * secrets, reads the file with {@link #applicationLog} and searches it with {@link #assertNoSecretIn}.
 */
@TestPropertySource(properties = { "logging.file.name=" + EveryLevelApplicationLogTestSupport.LOG_FILE,
        "logging.level.root=trace", "logging.level.org.apache.activemq=warn", "logging.level.io.netty=warn" })
@DirtiesContext // its context logs at trace into the file: closed with the class, so the next one logs as it says
public abstract class EveryLevelApplicationLogTestSupport {

    public static final String LOG_FILE = "target/spring-boot-every-level.log";

    static {
        // Spring Boot's file appender appends: the file holds this run's context alone
        try {
            Files.deleteIfExists(Path.of(LOG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The log so far, once it shows the capture works: trace lines of Camel and of Paho (java.util.logging), and the
     * gateway's connect.
     */
    protected static String applicationLog(String gatewayIdentity) throws IOException {
        String log = Files.readString(Path.of(LOG_FILE), StandardCharsets.UTF_8);
        assertThat(log).contains(" TRACE ").contains("org.eclipse.paho").contains(gatewayIdentity);
        return log;
    }

    /** No secret in the log, nor any of the CONNECT passwords the broker was shown (each signed from the secret). */
    protected static void assertNoSecretIn(String log, List<String> secrets, Collection<String> connectPasswords) {
        Set<String> signed = new HashSet<>(connectPasswords);
        assertThat(signed).as("the CONNECT passwords the broker was shown").isNotEmpty();
        assertThat(CapturedLogs.firstSecretIn(log, secrets, signed)).as("a secret in " + LOG_FILE).isNull();
    }
}
