package io.github.camel.iotgateway.mqtt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.camel.Service;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The gateways of one component: endpoints naming the same broker and gateway share one gateway service (and so one
 * MQTT connection), started by the first endpoint that needs it and stopped when the last one lets go.
 * <p>
 * The lock guards the table only: a gateway connects and disconnects outside it, so gateways start and stop in
 * parallel, and an endpoint of one gateway never waits for another gateway's connect. Endpoints of the same gateway
 * wait for its one start; a gateway started again while its previous service is still stopping waits for that stop
 * first, so two connections with one clientId never overlap.
 *
 * @param <T> the per-gateway service of a component, which owns its {@link GatewayConnection}
 */
public final class GatewayRegistry<T extends Service> {

    private final Map<String, Shared<T>> gateways = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> stopping = new HashMap<>();

    /** Identity of a gateway: the broker and the device the gateway connects as. */
    public static String key(String brokerUrl, String gatewayIdentity) {
        return brokerUrl + "|" + gatewayIdentity;
    }

    /**
     * Returns the started service for {@code key}, creating and starting it with {@code factory} when there is none.
     *
     * @param  options                       the gateway-wide options of the endpoint asking
     * @throws InvalidGatewayOptionException when the endpoint disagrees with the gateway on a gateway-wide option
     * @throws Exception                     what starting a new service threw (e.g. GatewayAuthenticationException)
     */
    public T acquire(String key, SharedGatewayOptions options, Callable<T> factory) throws Exception {
        Shared<T> shared;
        boolean creator;
        CompletableFuture<Void> previousStop;
        synchronized (this) {
            shared = gateways.get(key);
            creator = shared == null;
            if (creator) {
                shared = new Shared<>(options);
                gateways.put(key, shared);
            } else {
                shared.options.requireAgreement(options, key);
            }
            shared.users++;
            previousStop = stopping.get(key);
        }
        if (creator) {
            start(key, shared, factory, previousStop);
        }
        try {
            return shared.started.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                shared.users--;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void start(String key, Shared<T> shared, Callable<T> factory, CompletableFuture<Void> previousStop) {
        try {
            if (previousStop != null) {
                previousStop.join();
            }
            T service = factory.call();
            ServiceHelper.startService(service);
            shared.service = service;
            shared.started.complete(service);
        } catch (Exception | LinkageError e) {
            synchronized (this) {
                gateways.remove(key, shared);
            }
            shared.started.completeExceptionally(e);
        }
    }

    /** One user lets go; the last one stops the service, outside the lock. */
    public void release(T service) {
        String key = null;
        CompletableFuture<Void> stopped = null;
        synchronized (this) {
            for (Map.Entry<String, Shared<T>> entry : gateways.entrySet()) {
                Shared<T> shared = entry.getValue();
                if (shared.service == service && --shared.users <= 0) {
                    key = entry.getKey();
                    stopped = new CompletableFuture<>();
                    stopping.put(key, stopped);
                    break;
                }
            }
            if (key != null) {
                gateways.remove(key);
            }
        }
        if (key != null) {
            stop(key, service, stopped);
        }
    }

    private void stop(String key, T service, CompletableFuture<Void> stopped) {
        try {
            ServiceHelper.stopService(service);
        } finally {
            synchronized (this) {
                stopping.remove(key, stopped);
            }
            stopped.complete(null);
        }
    }

    public synchronized int size() {
        return gateways.size();
    }

    /** The started gateway services. */
    public synchronized List<T> services() {
        return gateways.values().stream().filter(s -> s.service != null).map(s -> s.service).toList();
    }

    /** Stops every gateway (the component stops). */
    public void stopAll() {
        List<T> all;
        synchronized (this) {
            all = services();
            gateways.clear();
        }
        all.forEach(ServiceHelper::stopService);
    }

    private static final class Shared<T> {
        private final SharedGatewayOptions options;
        private final CompletableFuture<T> started = new CompletableFuture<>();
        private volatile T service;
        private int users;

        private Shared(SharedGatewayOptions options) {
            this.options = options;
        }
    }
}
