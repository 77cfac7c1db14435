package io.github.camel.iotgateway.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sorts the execution samples of a benchmark's flight recording into the stages a request passes, and prints them as a
 * Markdown table: where the CPU of a run goes, the component's stages beside the baselines', the simulators', Paho's
 * and the broker's. A sample counts for the first stage whose rule it matches, so the component's batching is counted
 * before the producer that calls it. Run it on a recording made as docs/benchmarks.md says:
 *
 * <pre>
 * mvn -q -pl benchmarks exec:java -Dexec.mainClass=io.github.camel.iotgateway.benchmarks.ProfileStages \
 *     -Dexec.args=benchmarks/target/bench.jfr
 * </pre>
 *
 * Spans of the recording's wall clock may follow the file ({@code 13:42:17.5-13:42:35.6}, the times the benchmark's
 * progress lines print): only the samples within them count, so one row of a run can be profiled, e.g. the batching
 * rounds of row 2 without the sequential rounds before them.
 */
public final class ProfileStages {

    /** A stage: its name and what a sample's thread name and frames (top first) must show. */
    private record Stage(String name, BiPredicate<String, List<String>> matches) {
    }

    /** The component's producers, where the submitting thread enters the component. */
    private static final String[] PRODUCERS = { "AlinkSessionProducer.process", "HuaweiIotProducer.process" };

    /** The submitting thread inside the component's producer, by part; first match counts. */
    private static final List<Stage> SUBMITTING = List.of(
            new Stage("sending a completed batch (JSON, publish)",
                    (thread, frames) -> any(frames, "SingleRequestBatcher.sendBatch", "SingleRequestBatcher$BatchOutput")),
            new Stage("Camel's Aggregator EIP and the batcher around it",
                    (thread, frames) -> any(frames, "processor.aggregate.", "SingleRequestBatcher.offer")),
            new Stage("sending a lone request (JSON, publish)",
                    (thread, frames) -> any(frames, "sendTogether", "sendAlone", "PendingReplies.register")),
            new Stage("the rest of the producer (bodies, completion, client)", (thread, frames) -> true));

    /** Every sample of the JVM, by who spends it; first match counts. */
    private static final List<Stage> WHOLE = List.of(
            new Stage("component: submitting thread, inside the producer",
                    (thread, frames) -> any(frames, PRODUCERS)),
            new Stage("component: reply workers (ending exchanges, callbacks)",
                    (thread, frames) -> thread.contains("GatewayReplies")),
            new Stage("component: decoding replies (Paho's callback thread)",
                    (thread, frames) -> any(frames, "mqtt.InboundDispatcher")),
            new Stage("component: Camel's ProducerTemplate around the producer",
                    (thread, frames) -> any(frames, "DefaultProducerTemplate")),
            new Stage("peer: Huawei's device SDK", (thread, frames) -> any(frames, "com.huaweicloud.", "HuaweiSdkGateway")),
            new Stage("baseline: the raw Paho clients",
                    (thread, frames) -> any(frames, "RawAlinkClient", "RawIotdaClient", "RawPaho")),
            new Stage("platform simulators", (thread, frames) -> any(frames, "iotgateway.simulator.")),
            new Stage("Paho's threads (every client's sockets, encoding, decoding)",
                    (thread, frames) -> any(frames, "org.eclipse.paho.")),
            new Stage("embedded broker (Artemis, Netty)",
                    (thread, frames) -> any(frames, "org.apache.activemq.", "io.netty.")),
            new Stage("other (the benchmark's own work, the JVM)", (thread, frames) -> true));

    private ProfileStages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("give the recording (a .jfr file) and, optionally, spans of it"
                                               + " (HH:mm:ss.SSS-HH:mm:ss.SSS, in the progress lines' time)");
        }
        List<LocalTime[]> spans = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] ends = args[i].split("-");
            spans.add(new LocalTime[] { LocalTime.parse(ends[0]), LocalTime.parse(ends[1]) });
        }
        Map<String, Long> submitting = counter(SUBMITTING);
        Map<String, Long> whole = counter(WHOLE);
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !within(spans, event.getStartTime())) {
                    continue;
                }
                String thread = event.getThread("sampledThread") == null ? ""
                        : String.valueOf(event.getThread("sampledThread").getJavaName());
                List<String> frames = event.getStackTrace().getFrames().stream().map(ProfileStages::name).toList();
                String who = count(WHOLE, whole, thread, frames);
                if (who.equals(WHOLE.get(0).name())) {
                    count(SUBMITTING, submitting, thread, frames);
                }
            }
        }
        print("the submitting thread inside the component's producer", submitting);
        System.out.println();
        print("every thread of the JVM", whole);
    }

    /** Whether a sample falls in one of the spans (all of them when none is given), in this machine's time zone. */
    private static boolean within(List<LocalTime[]> spans, Instant at) {
        if (spans.isEmpty()) {
            return true;
        }
        LocalTime time = LocalTime.ofInstant(at, ZoneId.systemDefault());
        for (LocalTime[] span : spans) {
            if (!time.isBefore(span[0]) && time.isBefore(span[1])) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> counter(List<Stage> stages) {
        Map<String, Long> counts = new LinkedHashMap<>();
        stages.forEach(stage -> counts.put(stage.name(), 0L));
        return counts;
    }

    private static String count(List<Stage> stages, Map<String, Long> counts, String thread, List<String> frames) {
        for (Stage stage : stages) {
            if (stage.matches().test(thread, frames)) {
                counts.merge(stage.name(), 1L, Long::sum);
                return stage.name();
            }
        }
        throw new IllegalStateException("the last stage matches every sample");
    }

    private static void print(String title, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("| " + title + " | samples | share |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f %% |%n", entry.getKey(), entry.getValue(),
                    total == 0 ? 0 : 100.0 * entry.getValue() / total);
        }
        System.out.printf(Locale.ROOT, "| all | %,d | 100 %% |%n", total);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean any(List<String> frames, String... parts) {
        // a frame's name is Class.method: a part naming a class matches its every method
        for (String frame : frames) {
            for (String part : parts) {
                if (frame.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }
}
