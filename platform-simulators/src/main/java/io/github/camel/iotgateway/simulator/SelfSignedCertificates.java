package io.github.camel.iotgateway.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority for TLS tests and the demo: a broker key store for 127.0.0.1 / localhost and a
 * trust store that trusts it, made with the JDK's own keytool (no library, nothing fetched). Valid for two days.
 *
 * @param brokerKeyStore the broker's key and self-signed certificate (PKCS12)
 * @param trustStore     a PKCS12 trust store holding only that certificate
 * @param password       the password of both stores
 */
public record SelfSignedCertificates(EmbeddedMqttBroker.TlsKeyStore brokerKeyStore, Path trustStore, String password) {

    /** Makes both stores in {@code dir}. */
    public static SelfSignedCertificates create(Path dir) {
        String password = UUID.randomUUID().toString();
        Path keyStore = dir.resolve("broker-key.p12");
        Path certificate = dir.resolve("broker.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", password);
        return new SelfSignedCertificates(new EmbeddedMqttBroker.TlsKeyStore(keyStore, password), trustStore, password);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }

    @Override
    public String toString() {
        return "SelfSignedCertificates[" + trustStore + ", password=***]";
    }

    /** For a test that needs to refer to the files. */
    public static Path tempDir() {
        try {
            return Files.createTempDirectory("self-signed-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
