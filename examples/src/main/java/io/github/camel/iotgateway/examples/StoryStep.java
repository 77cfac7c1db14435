package io.github.camel.iotgateway.examples;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one step of the story saw: devices that succeeded, failed and why, and the requests that carried them. */
final class StoryStep {

    private final String title;
    private final long startNanos = System.nanoTime();
    private final Set<String> requestIds = new LinkedHashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> unanswered = new ArrayList<>();
    private long endNanos;
    private int succeeded;

    StoryStep(String title) {
        this.title = title;
    }

    synchronized void succeeded(int devices, Collection<String> requestIds) {
        succeeded += devices;
        this.requestIds.addAll(requestIds);
        endNanos = System.nanoTime();
    }

    /** The platform answered no for {@code who}. */
    synchronized void refused(String who, String reason, String requestId) {
        failures.add(who + " -> " + reason);
        if (requestId != null && !requestId.isBlank()) {
            requestIds.add(requestId);
        }
        endNanos = System.nanoTime();
    }

    /** No answer came: a timeout, no connection, a bug. The story did not complete. */
    synchronized void unanswered(String who, String reason) {
        unanswered.add(who + " -> " + reason);
        endNanos = System.nanoTime();
    }

    synchronized boolean complete() {
        return unanswered.isEmpty() && (succeeded > 0 || !failures.isEmpty());
    }

    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        long millis = (Math.max(endNanos, startNanos) - startNanos) / 1_000_000;
        lines.add(String.format("%-16s %d requests on the wire, %d succeeded, %d failed, %d unanswered (%d ms)", title + ":",
                requestIds.size(), succeeded, failures.size(), unanswered.size(), millis));
        failures.forEach(f -> lines.add("    failed: " + f));
        unanswered.forEach(f -> lines.add("    unanswered: " + f));
        return lines;
    }
}
