package io.github.camel.iotgateway.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs every measurement on the embedded Artemis, then on the Mosquitto at 127.0.0.1:1883 when one is there, prints the
 * report and writes it to {@code --output}; then the fleet rows, on a Mosquitto they start themselves. Options:
 * {@code --output=PATH}, {@code --quick} (a smoke run with small numbers), {@code --only=artemis|mosquitto} (the
 * shared brokers; the fleet has its own), {@code --groups=alink,huawei,peer,memory,reference,fleet} (a subset, e.g. to
 * profile one; the reference rows need the alink group for their baselines), {@code --rounds=N} (1 warm-up and N
 * measured rounds, e.g. for a profile), {@code --runs=N} (full runs of each broker's rows, 3 unless {@code --quick};
 * the report shows each row's median run and every run's verdict).
 */
public final class BenchmarkMain {

    /** Room over a whole run (docs/benchmarks.md says how long the last took), the fleet group's few minutes included. */
    private static final long WATCHDOG_MILLIS = 40 * 60_000;
    /** The groups measured on each shared broker; the fleet group has a broker of its own. */
    private static final List<String> BROKER_GROUPS = List.of("alink", "huawei", "peer", "memory", "reference");

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // Paho and Artemis leave non-daemon threads behind; the report is out (or will not come)
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        Path output = null;
        BenchSettings settings = BenchSettings.standard();
        String only = null;
        String groups = "alink,huawei,peer,memory,reference,fleet";
        boolean quick = false;
        Integer runs = null;
        for (String arg : args) {
            if (arg.startsWith("--output=")) {
                output = Path.of(arg.substring("--output=".length()));
            } else if (arg.equals("--quick")) {
                settings = BenchSettings.quick();
                quick = true;
            } else if (arg.startsWith("--only=")) {
                only = arg.substring("--only=".length());
            } else if (arg.startsWith("--rounds=")) {
                settings = settings.withRounds(Integer.parseInt(arg.substring("--rounds=".length())));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--groups=")) {
                groups = arg.substring("--groups=".length());
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        int fullRuns = runs != null ? runs : quick ? 1 : 3;
        if (fullRuns < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        startWatchdog();
        Progress.log("preloaded %d classes of the project's jars", ProjectClasses.loadAll());
        long start = System.nanoTime();
        MarkdownReport report = new MarkdownReport(settings, fullRuns);
        Identities ids = new Identities();
        List<String> selected = List.of(groups.split(","));
        boolean brokerRows = selected.stream().anyMatch(BROKER_GROUPS::contains);
        if (brokerRows && (only == null || only.equals("artemis"))) {
            try (BrokerUnderTest artemis = BrokerUnderTest.embeddedArtemis()) {
                report.add(measureRuns(fullRuns, artemis, settings, ids, groups));
            }
        }
        if (brokerRows && (only == null || only.equals("mosquitto"))) {
            Optional<BrokerUnderTest> mosquitto = BrokerUnderTest.mosquitto();
            if (mosquitto.isPresent()) {
                try (BrokerUnderTest broker = mosquitto.get()) {
                    report.add(measureRuns(fullRuns, broker, settings, ids, groups));
                }
            } else {
                report.add(new MarkdownReport.Section("Mosquitto at " + BrokerUnderTest.MOSQUITTO_HOST + ":"
                                                      + BrokerUnderTest.MOSQUITTO_PORT, null, List.of(),
                        "nothing listens there"));
            }
        }
        if (selected.contains("fleet")) {
            report.add(fleet(quick));
        }
        String markdown = report.render((System.nanoTime() - start) / 60e9);
        System.out.print(markdown);
        System.out.flush();
        if (output != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
            Progress.log("wrote %s", output.toAbsolutePath().normalize());
        }
    }

    /** Ends the run, failed, should anything hang: each round is bounded, but an exchange that never ends is not. */
    private static void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WATCHDOG_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Progress.log("the run took over %d minutes: giving up, nothing written", WATCHDOG_MILLIS / 60_000);
            Runtime.getRuntime().halt(2);
        }, "benchmark-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** {@code runs} full runs of the broker's rows, each with components, simulators and identities of its own. */
    private static MarkdownReport.Section measureRuns(int runs, BrokerUnderTest broker, BenchSettings settings,
                                                      Identities first, String groups) {
        List<MarkdownReport.Section> sections = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Progress.log("== run %d of %d", run, runs);
            sections.add(measure(broker, settings, run == 1 ? first : new Identities(), groups));
        }
        return RunsCombined.of(sections);
    }

    private static MarkdownReport.Section measure(BrokerUnderTest broker, BenchSettings settings, Identities ids,
                                                  String groups) {
        List<String> selected = List.of(groups.split(","));
        Progress.log("== %s (%s)", broker.title(), broker.url());
        List<Row> rows = new ArrayList<>();
        Figure[] rawBaselines = new Figure[2];
        section(rows, selected, "alink", "1, 2, 2c, 4, 4c, 7, 8 alink-session", () -> {
            try (AlinkBenchmarks alink = AlinkBenchmarks.start(settings, broker.url(), ids)) {
                rows.addAll(alink.sequential());
                rows.addAll(alink.batching());
                rows.addAll(alink.pipelined());
                rawBaselines[0] = alink.rawSequentialMedian();
                rawBaselines[1] = alink.rawPipelinedThroughput();
                // 8 before 7: its warm-ups warm the login code that 7, without warm-ups of its own, runs
                rows.add(alink.loginBatching());
                rows.add(alink.loginPace());
            }
        });
        section(rows, selected, "huawei", "3 huaweiiot", () -> {
            try (HuaweiBenchmarks huawei = HuaweiBenchmarks.start(settings, broker.url(), ids)) {
                rows.add(huawei.batching());
                rows.add(huawei.pace());
            }
        });
        section(rows, selected, "peer", "P1 huaweiiot beside Huawei's device SDK", () -> {
            try (HuaweiPeerBenchmark peer = HuaweiPeerBenchmark.start(settings, broker.url(), ids)) {
                rows.add(peer.peer());
            }
        });
        section(rows, selected, "memory", "5 pending memory",
                () -> rows.addAll(new PendingMemoryBenchmark(settings, broker.url(), ids).run()));
        if (rawBaselines[0] != null && rawBaselines[1] != null) {
            section(rows, selected, "reference", "R camel-paho reference", () -> rows.addAll(
                    new CamelPahoReference(settings, broker.url(), ids).run(rawBaselines[0], rawBaselines[1])));
        }
        rows.sort(Comparator.comparing(Row::measurement));
        return new MarkdownReport.Section(broker.title(), broker.url(), rows, null);
    }

    /** The fleet rows on their own Mosquitto; should they fail, their table says so. */
    private static MarkdownReport.Section fleet(boolean quick) {
        try {
            return new FleetBenchmark(quick).run();
        } catch (Exception e) {
            Progress.log("F fleet failed: %s", e);
            e.printStackTrace();
            return new MarkdownReport.Section("Fleet: a Mosquitto of the benchmark's own", "mosquitto -c (a temporary"
                                              + " configuration)", List.of(Row.failed("F fleet (not measured)", e)),
                    null);
        }
    }

    /** Runs one group of measurements; should it fail, the table says so and the others still run. */
    private static void section(List<Row> rows, List<String> selected, String group, String name,
                                Measurement measurement) {
        if (!selected.contains(group)) {
            return;
        }
        try {
            measurement.run();
        } catch (Exception e) {
            Progress.log("%s failed: %s", name, e);
            e.printStackTrace();
            rows.add(Row.failed(name + " (not measured)", e));
        }
    }

    @FunctionalInterface
    private interface Measurement {
        void run() throws Exception;
    }
}
