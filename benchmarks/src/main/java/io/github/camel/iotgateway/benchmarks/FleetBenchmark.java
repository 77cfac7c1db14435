package io.github.camel.iotgateway.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The fleet rows (F): 1, 100 and 1,000 idle alink-session gateways in one CamelContext, against a Mosquitto of their
 * own ({@link FleetBroker}). For each fleet: the start, the threads, heap and CPU it holds idle, and the way back after
 * the broker is killed and started again ({@link FleetRun}). Threads, heap and CPU per gateway beyond what the context
 * and component have anyway are the growth from the second-largest fleet to the largest, over the gateways each had
 * connected, so that the fixed set cancels out. The targets are the issue's, judged on the largest fleet.
 */
final class FleetBenchmark {

    /** The fleets measured, smallest first; the targets are judged on the last. */
    static final int[] SIZES = {1, 100, 1000};
    static final int[] QUICK_SIZES = {1, 10, 50};
    /** A fleet thrown away first, so that the first fleet measured does not pay for loading classes. */
    static final int WARM_UP_SIZE = 3;
    /**
     * Longest a fleet may take to start, or to come back after the restart, before it is reported as not having. The
     * start cap keeps the group to about three minutes should the gateways ever start one after another again.
     */
    static final long START_CAP_MILLIS = 100_000;
    /** A smoke run's cap: short enough that its largest fleet is cut short, so that the run passes that way too. */
    static final long QUICK_START_CAP_MILLIS = 5_000;
    static final long RECONNECT_CAP_MILLIS = 60_000;

    static final double START_TARGET_MILLIS = 10_000;
    static final double THREADS_TARGET = 4;
    static final double HEAP_TARGET_BYTES = 100 * 1024;
    static final double RECONNECT_TARGET_MILLIS = 30_000;

    private final int[] sizes;
    private final long startCapMillis;

    FleetBenchmark(boolean quick) {
        this.sizes = quick ? QUICK_SIZES : SIZES;
        this.startCapMillis = quick ? QUICK_START_CAP_MILLIS : START_CAP_MILLIS;
    }

    MarkdownReport.Section run() throws Exception {
        try (FleetBroker broker = FleetBroker.start()) {
            String title = "Fleet: Mosquitto " + FleetBroker.version() + " of the benchmark's own, at "
                           + FleetBroker.HOST + ":" + broker.port() + " (a separate process, open files "
                           + broker.fileLimit() + ")";
            Progress.log("== %s", title);
            Progress.log("fleet warm-up: %,d gateways", WARM_UP_SIZE);
            FleetRun.measure(broker, WARM_UP_SIZE, startCapMillis, RECONNECT_CAP_MILLIS);
            List<FleetRun.Outcome> fleets = new ArrayList<>();
            for (int size : sizes) {
                fleets.add(FleetRun.measure(broker, size, startCapMillis, RECONNECT_CAP_MILLIS));
            }
            return new MarkdownReport.Section(title, broker.url(), rows(fleets), null);
        }
    }

    List<Row> rows(List<FleetRun.Outcome> fleets) {
        FleetRun.Outcome largest = fleets.get(fleets.size() - 1);
        List<FleetRun.Idle> idle = fleets.stream().map(FleetRun.Outcome::idle).toList();
        FleetRun.Idle most = idle.get(idle.size() - 1);
        FleetRun.Idle fewer = idle.get(idle.size() - 2);
        return List.of(startRow(fleets, largest), threadsRow(fleets, most, fewer), heapRow(fleets, most, fewer),
                reconnectRow(fleets, largest), spreadRow(fleets, largest), idleCpuRow(fleets, most, fewer));
    }

    private Row startRow(List<FleetRun.Outcome> fleets, FleetRun.Outcome largest) {
        String text = perFleet(fleets, f -> f.allStarted()
                ? String.format(Locale.ROOT, "%s (%s a gateway; CPU %.1f ms a gateway)", duration(f.startMillis()),
                        duration(f.startMillis() / f.size()), f.startCpuMillis() / f.size())
                : String.format(Locale.ROOT, "**did not all start within %d s** (%s a gateway)",
                        startCapMillis / 1000,
                        f.startedReady() == 0 ? "–" : duration((double) startCapMillis / f.startedReady())));
        boolean met = largest.allStarted() && largest.startMillis() <= START_TARGET_MILLIS;
        return new Row("F1. Start: CamelContext start to every gateway connected", text, "–", Double.NaN,
                Target.valueAtMost(START_TARGET_MILLIS, "≤ 10 s for " + count(largest.size())), met,
                met ? null : count(largest.size()) + ": " + (largest.allStarted() ? duration(largest.startMillis())
                        : "not all started within " + startCapMillis / 1000 + " s"));
    }

    /**
     * Per gateway beyond the fixed set: the growth from the second-largest fleet measured idle to the largest, over
     * the gateways each had connected.
     */
    private static double slope(FleetRun.Idle most, FleetRun.Idle fewer, ToDoubleFunction<FleetRun.Idle> figure) {
        return (figure.applyAsDouble(most) - figure.applyAsDouble(fewer)) / (most.gateways() - fewer.gateways());
    }

    private static Row threadsRow(List<FleetRun.Outcome> fleets, FleetRun.Idle most, FleetRun.Idle fewer) {
        double perGateway = slope(most, fewer, FleetRun.Idle::threadsAdded);
        String text = perFleet(fleets, f -> String.format(Locale.ROOT, "%,d (%s a gateway)",
                f.idle().threadsAdded(), decimals((double) f.idle().threadsAdded() / f.idle().gateways())))
                      + String.format(Locale.ROOT, "; beyond the fixed set **%s a gateway** (%s); by pool, a"
                                                   + " gateway: %s", decimals(perGateway), between(most, fewer),
                              most.threadKinds());
        boolean met = perGateway <= THREADS_TARGET;
        return new Row("F2. Threads added by an idle fleet, every gateway connected", text, "–", Double.NaN,
                Target.valueAtMost(THREADS_TARGET, "≤ 4 a gateway beyond a fixed set"), met,
                met ? null : decimals(perGateway) + " a gateway");
    }

    private static Row heapRow(List<FleetRun.Outcome> fleets, FleetRun.Idle most, FleetRun.Idle fewer) {
        double started = slope(most, fewer, FleetRun.Idle::startHeapBytes);
        // the endpoints and producers are built for the whole fleet, connected or not
        double built = most.buildHeapBytes() / fleets.get(fleets.size() - 1).size();
        double perGateway = started + built;
        String text = perFleet(fleets, f -> kilobytes((f.idle().startHeapBytes()) / f.idle().gateways()
                                                      + f.idle().buildHeapBytes() / f.size()))
                      + String.format(Locale.ROOT, "; beyond the fixed set **%s a gateway** (%s): %s its endpoint and"
                                                   + " producer, %s its started client and connection",
                              kilobytes(perGateway), between(most, fewer), kilobytes(built), kilobytes(started));
        boolean met = perGateway <= HEAP_TARGET_BYTES;
        return new Row("F3. Heap per idle gateway, every gateway connected (live objects)", text, "–", Double.NaN,
                Target.valueAtMost(HEAP_TARGET_BYTES, "≤ 100 KB a gateway"), met,
                met ? null : kilobytes(perGateway) + " a gateway");
    }

    private static Row reconnectRow(List<FleetRun.Outcome> fleets, FleetRun.Outcome largest) {
        String text = perFleet(fleets, f -> f.restart() == null ? "not measured (the start was cut short)"
                : (f.restart().reconnected() == f.size() ? duration(f.restart().reconnectMillis())
                        : String.format(Locale.ROOT, "**%,d of %,d within %d s**", f.restart().reconnected(),
                                f.size(), RECONNECT_CAP_MILLIS / 1000))
                  + String.format(Locale.ROOT, " (down %s)", duration(f.restart().downMillis())));
        FleetRun.Restart restart = largest.restart();
        boolean met = restart != null && restart.reconnected() == largest.size()
                      && restart.reconnectMillis() <= RECONNECT_TARGET_MILLIS;
        return new Row("F4. Broker killed (SIGKILL) and started again on its port at once: from the broker"
                       + " listening again to every gateway connected", text, "–", Double.NaN,
                Target.valueAtMost(RECONNECT_TARGET_MILLIS, "≤ 30 s for " + count(largest.size())), met,
                met ? null : restart == null ? "not measured: the " + count(largest.size()) + " did not all start"
                        : restart.reconnected() == largest.size() ? duration(restart.reconnectMillis())
                                : restart.reconnected() + " of " + count(largest.size()) + " connected again");
    }

    private static Row spreadRow(List<FleetRun.Outcome> fleets, FleetRun.Outcome largest) {
        String text = perFleet(fleets, f -> f.restart() == null ? "not measured"
                : String.format(Locale.ROOT, "%,d in one second, first to last %s", f.restart().peakPerSecond(),
                        duration(f.restart().spreadMillis())));
        FleetRun.Restart restart = largest.restart();
        // the issue gives no figure: the benchmark reads "a thundering herd" as half the fleet or more in one second
        boolean met = restart != null && restart.reconnected() > 0 && restart.peakPerSecond() * 2 < largest.size();
        return new Row("F5. Connects after the restart: the most in any one second", text, "–", Double.NaN,
                Target.valueAtMost(largest.size() / 2.0, "spread: under half the fleet in any 1 s"), met,
                met ? null : restart == null ? "not measured: the " + count(largest.size()) + " did not all start"
                        : String.format(Locale.ROOT, "%,d of %,d in one second", restart.peakPerSecond(),
                                largest.size()));
    }

    /** For reference: what an idle fleet costs the machine, which the issue sets no target for. */
    private static Row idleCpuRow(List<FleetRun.Outcome> fleets, FleetRun.Idle most, FleetRun.Idle fewer) {
        String text = perFleet(fleets, f -> String.format(Locale.ROOT, "%.0f ms/s", f.idle().cpuMillisPerSecond()))
                      + String.format(Locale.ROOT, "; beyond the fixed set %.2f ms/s a gateway (%s); by thread at"
                                                   + " %s connected: %s", slope(most, fewer,
                                      FleetRun.Idle::cpuMillisPerSecond), between(most, fewer),
                              count(most.gateways()), most.cpuByKind());
        return Row.reference("F6. CPU of the idle fleet: process CPU time a second, nothing sent", text, "–",
                Double.NaN);
    }

    /** e.g. {@code 100 to 370 connected}. */
    private static String between(FleetRun.Idle most, FleetRun.Idle fewer) {
        return count(fewer.gateways()) + " to " + count(most.gateways()) + " connected";
    }

    /** e.g. {@code 1: 42 ms · 100: 3.1 s · 1,000: 31.0 s}; a fleet cut short names the gateways it had connected. */
    private static String perFleet(List<FleetRun.Outcome> fleets, Function<FleetRun.Outcome, String> figure) {
        return fleets.stream().map(f -> count(f.size()) + (f.allStarted() ? ""
                : String.format(Locale.ROOT, " (%,d connected)", f.startedReady())) + ": " + figure.apply(f))
                .collect(Collectors.joining(" · "));
    }

    private static String count(int gateways) {
        return String.format(Locale.ROOT, "%,d", gateways);
    }

    static String duration(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis < 1000 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    private static String kilobytes(double bytes) {
        return String.format(Locale.ROOT, "%,.1f KB", bytes / 1024);
    }

    private static String decimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
