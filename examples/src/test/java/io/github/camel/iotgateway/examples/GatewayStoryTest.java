package io.github.camel.iotgateway.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the example's main as the README command does (embedded default, no arguments) and reads its summary. */
class GatewayStoryTest {

    @Test
    void theStoryCompletesOnTheEmbeddedDefaultAndSaysWhatHappened() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = GatewayStory.run(new String[0]);
        } finally {
            System.setOut(original);
        }
        String summary = captured.toString(StandardCharsets.UTF_8);
        original.println(summary);

        assertThat(status).isZero();
        assertThat(summary).contains("=== Gateway story: embedded broker tcp://127.0.0.1:");
        // 120 in one batchLogin list: messages of 50, 50 and 20
        assertThat(summary).containsPattern("Alibaba login: +3 requests on the wire, 120 succeeded, 0 failed, 0 unanswered");
        // 121 single logouts batched: 3 batches, plus what finding the culprit of one batch took
        assertThat(summary).containsPattern("Alibaba logout: +[3-9] requests on the wire, 120 succeeded, 1 failed, 0 unanswered");
        assertThat(summary).contains("failed: a1DemoSub01/never-logged-in -> 520 device no session");
        // 75 child devices in one List: requests of 50 and 25; the platform knows all but 5
        assertThat(summary).containsPattern("Huawei delete: +2 requests on the wire, 70 succeeded, 5 failed, 0 unanswered");
        assertThat(summary).containsPattern("failed: demoProduct_meter-07[1-5] -> IOTDA\\.014000 ");
        assertThat(summary).contains("story completed in").contains("(exit status 0)");
    }
}
