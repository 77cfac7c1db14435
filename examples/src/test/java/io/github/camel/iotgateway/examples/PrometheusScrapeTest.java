package io.github.camel.iotgateway.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story with --keep-running, as the README runs it: once the summary is out, a Prometheus scrape of the management
 * server has the meters of both gateways, with what the story did in them.
 */
class PrometheusScrapeTest {

    private final AtomicReference<StoryMain> main = new AtomicReference<>();

    @AfterEach
    void clearPort() {
        System.clearProperty("STORY_MANAGEMENT_PORT");
    }

    @Test
    void aKeptRunningStoryServesTheGatewaysMetersToPrometheus() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.setProperty("STORY_MANAGEMENT_PORT", String.valueOf(port));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> story = CompletableFuture.supplyAsync(() -> {
            try {
                return GatewayStory.run(new String[] { "--keep-running" }, main::set);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String scrape;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!captured.toString(StandardCharsets.UTF_8).contains("(exit status")) {
                assertThat(story).as("the story keeps running").isNotDone();
                assertThat(System.nanoTime()).as("the story's summary within 60 s").isLessThan(deadline);
                Thread.sleep(50);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/observe/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            scrape = response.body();
            HttpResponse<String> console = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/q/dev/alink-session"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("Gateway: a1GwDemo001.demo-gateway (connected)");
        } finally {
            System.setOut(original);
            if (main.get() != null) {
                main.get().finish(0);
            }
        }
        assertThat(story.get(30, TimeUnit.SECONDS)).isZero();
        original.println(captured.toString(StandardCharsets.UTF_8));

        // the story's 120 logins went out as lists of 50, 50 and 20: three answered requests, code 200
        assertThat(scrape).containsPattern("camel_iot_gateway_replies_total\\{[^}]*code=\"200\"[^}]*"
                                           + "component=\"alink-session\"[^}]*gateway=\"a1GwDemo001.demo-gateway\"[^}]*\\}"
                                           + " [1-9]");
        assertThat(scrape).containsPattern("camel_iot_gateway_requests_total\\{[^}]*component=\"huaweiiot\"[^}]*"
                                           + "gateway=\"demoProduct_gateway-01\"[^}]*\\} [1-9]");
        assertThat(scrape).contains("camel_iot_gateway_reply_latency_seconds_count{")
                .contains("camel_iot_gateway_batch_size_requests_count{")
                .contains("camel_iot_gateway_requests_pending{")
                .contains("camel_iot_gateway_connected{");
        assertThat(scrape).containsPattern("camel_iot_gateway_connected\\{[^}]*component=\"alink-session\"[^}]*\\} 1");
    }
}
