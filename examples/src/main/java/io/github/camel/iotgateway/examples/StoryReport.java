package io.github.camel.iotgateway.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.alink.error.AlinkSessionException;
import io.github.camel.iotgateway.huawei.FailedSubDevice;
import io.github.camel.iotgateway.huawei.SubDeviceOperationResult;
import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceOperationException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;

/**
 * Collects what happened in each step of the story, prints it in words a person reads at a glance, and ends the
 * process: exit status 0 when every request got the platform's answer, 1 when some did not, 2 when the story did not
 * finish within its deadline.
 */
public final class StoryReport {

    private final Map<String, StoryStep> steps = new LinkedHashMap<>();
    private final String setting;
    private final IntConsumer exit;
    private final boolean keepRunning;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "story-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final List<String> printed = new ArrayList<>();

    /**
     * @param setting     where the story runs, for the title line
     * @param exit        ends the application with a status
     * @param keepRunning print the summary but keep the application running
     */
    public StoryReport(String setting, IntConsumer exit, boolean keepRunning, long deadlineSeconds) {
        this.setting = setting;
        this.exit = exit;
        this.keepRunning = keepRunning;
        watchdog.schedule(() -> end(2, "the story did not finish within " + deadlineSeconds + " s"), deadlineSeconds,
                TimeUnit.SECONDS);
    }

    private synchronized StoryStep step(String title) {
        return steps.computeIfAbsent(title, StoryStep::new);
    }

    /** Opens a step, so its clock starts when its first request goes out. */
    public void begin(String title) {
        step(title);
    }

    /** An alink-session exchange succeeded: its body is the sub-device, or the list of them. */
    public void alinkSucceeded(String title, Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        int devices = body instanceof List<?> list ? list.size() : body instanceof SubDeviceId ? 1 : 0;
        step(title).succeeded(devices,
                RequestIds.of(exchange.getMessage().getHeader(AlinkSessionConstants.REQUEST_ID, String.class)));
    }

    /** An alink-session exchange failed (called from doCatch, where the exception is the caught one). */
    public void alinkFailed(String title, Exchange exchange) {
        StoryStep step = step(title);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof AlinkSessionException refused) {
            step.succeeded(refused.getSucceededSubDevices().size(), List.of());
            step.refused(refused.getSubDevices().size() == 1 ? refused.getSubDevices().get(0).toString()
                    : refused.getSubDevices().size() + " sub-devices",
                    refused.getCode() + " " + refused.getPlatformMessage(), refused.getRequestId());
        } else {
            step.unanswered(String.valueOf(exchange.getMessage().getBody()), describe(failure));
        }
    }

    /** A huaweiiot List exchange succeeded: its body is the per-device result. */
    public void huaweiSucceeded(String title, Exchange exchange) {
        record(step(title), exchange.getMessage().getBody(SubDeviceOperationResult.class));
    }

    /**
     * A huaweiiot List exchange failed (called from doCatch): a request got no answer, and the body holds the result of
     * those that did.
     */
    public void huaweiFailed(String title, Exchange exchange) {
        StoryStep step = step(title);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof HuaweiSubDeviceOperationException refused) {
            record(step, refused.getResult());
        } else {
            record(step, exchange.getMessage().getBody(SubDeviceOperationResult.class));
            step.unanswered("request", describe(failure));
        }
    }

    private static void record(StoryStep step, SubDeviceOperationResult<?> result) {
        if (result == null) {
            return;
        }
        step.succeeded(result.successful().size(), result.eventIds());
        for (FailedSubDevice failed : result.failed()) {
            if (failed.reportedByPlatform()) {
                step.refused(failed.label(), failed.errorCode() + " " + failed.errorMsg(), failed.eventId());
            } else {
                step.unanswered(failed.label(), failed.errorMsg());
            }
        }
    }

    private static String describe(Exception failure) {
        return failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The last step is done: print and end. */
    public void finish() {
        boolean complete = steps.values().stream().allMatch(StoryStep::complete) && !steps.isEmpty();
        end(complete ? 0 : 1, complete ? "story completed" : "story did not complete: some requests got no answer");
    }

    /** The story broke off with an error that no step handled. */
    public void abort(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        end(1, "story aborted: " + (e == null ? "unknown error" : e.getMessage()));
    }

    /** The summary as printed, for tests. */
    public synchronized List<String> printed() {
        return List.copyOf(printed);
    }

    private void end(int status, String verdict) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        watchdog.shutdownNow();
        List<String> lines = new ArrayList<>();
        lines.add("=== Gateway story: " + setting + " ===");
        synchronized (this) {
            steps.values().forEach(s -> lines.addAll(s.lines()));
        }
        lines.add(String.format("%s in %.1f s (exit status %d)", verdict, (System.nanoTime() - startNanos) / 1e9, status));
        synchronized (this) {
            printed.addAll(lines);
        }
        lines.forEach(System.out::println);
        if (!keepRunning) {
            exit.accept(status);
        }
    }
}
