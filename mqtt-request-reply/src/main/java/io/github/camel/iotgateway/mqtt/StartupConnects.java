package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;

/**
 * Connects a component's gateways in parallel while the CamelContext starts. Camel starts routes one after the other,
 * and a gateway's first connect takes a few hundred milliseconds, so a fleet connected in turn would take minutes:
 * instead each gateway started while the context starts connects on the component's control threads (at most
 * {@code maxParallelConnects} at once), and the context goes on only once every one of them has connected, or found
 * the broker unreachable (it then retries in the background). Camel calls this after the routes' producers started and
 * before their consumers do, so no route consumes before its gateways are there; a gateway the broker refuses
 * (credentials, TLS) fails the start, as a connect on the starting thread would. A gateway started later, once the
 * context runs, connects on the starting thread.
 */
final class StartupConnects implements ExtendedStartupListener {

    private final CamelContext camelContext;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();

    StartupConnects(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** Whether a gateway starting now connects in the background, to be awaited when the routes have started. */
    boolean connectInBackground() {
        return camelContext.getStatus().isStarting();
    }

    synchronized void add(CompletableFuture<Void> firstConnect) {
        pending.add(firstConnect);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        awaitAll();
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        awaitAll();
    }

    /** Waits for every first connect begun so far; rethrows the first refusal. Each connect has its own timeout. */
    private void awaitAll() throws Exception {
        List<CompletableFuture<Void>> connects;
        synchronized (this) {
            connects = new ArrayList<>(pending);
            pending.clear();
        }
        Exception refused = null;
        for (CompletableFuture<Void> connect : connects) {
            try {
                connect.get();
            } catch (ExecutionException e) {
                if (refused == null) {
                    refused = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
    }
}
