package io.github.camel.iotgateway.mqtt;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.camel.Service;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The gateways of one component: endpoints naming the same broker and gateway share one gateway service (and so one
 * MQTT connection), started by the first endpoint that needs it and stopped when the last one lets go.
 *
 * @param <T> the per-gateway service of a component, which owns its {@link GatewayConnection}
 */
public final class GatewayRegistry<T extends Service> {

    private final Map<String, Shared<T>> gateways = new HashMap<>();

    /** Identity of a gateway: the broker and the device the gateway connects as. */
    public static String key(String brokerUrl, String gatewayIdentity) {
        return brokerUrl + "|" + gatewayIdentity;
    }

    /**
     * Returns the started service for {@code key}, creating and starting it with {@code factory} when there is none.
     *
     * @throws Exception what starting a new service threw (for instance {@link GatewayAuthenticationException})
     */
    public synchronized T acquire(String key, Callable<T> factory) throws Exception {
        Shared<T> shared = gateways.get(key);
        if (shared == null) {
            T service = factory.call();
            ServiceHelper.startService(service);
            shared = new Shared<>(service);
            gateways.put(key, shared);
        }
        shared.users++;
        return shared.service;
    }

    /** One user lets go; the last one stops the service. */
    public synchronized void release(T service) {
        gateways.entrySet().removeIf(e -> {
            Shared<T> shared = e.getValue();
            if (shared.service != service || --shared.users > 0) {
                return false;
            }
            ServiceHelper.stopService(service);
            return true;
        });
    }

    public synchronized int size() {
        return gateways.size();
    }

    public synchronized void stopAll() {
        gateways.values().forEach(s -> ServiceHelper.stopService(s.service));
        gateways.clear();
    }

    private static final class Shared<T> {
        private final T service;
        private int users;

        private Shared(T service) {
            this.service = service;
        }
    }
}
