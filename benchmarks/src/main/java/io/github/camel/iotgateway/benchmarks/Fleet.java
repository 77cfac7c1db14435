package io.github.camel.iotgateway.benchmarks;

import java.util.List;
import java.util.Locale;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.mqtt.GatewayClientSupport;
import io.github.camel.iotgateway.mqtt.GatewayConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One CamelContext with {@code size} gateways of alink-session, each its own {@code alink-session:logout} endpoint
 * (a gatewayProductKey of its own, the same broker) with one producer, which the context starts: a producer takes its
 * gateway at start, and the gateway connects. Nothing is sent: the gateways stay idle.
 */
final class Fleet implements AutoCloseable {

    private final int size;
    private final CamelContext camel;
    private final AlinkSessionComponent alink;

    private Fleet(int size, CamelContext camel, AlinkSessionComponent alink) {
        this.size = size;
        this.camel = camel;
        this.alink = alink;
    }

    /** Builds the context with its endpoints and producers; {@link #start()} starts them. */
    static Fleet build(String brokerUrl, int size) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        AlinkSessionComponent alink = new AlinkSessionComponent();
        alink.getConfiguration().setBrokerUrl(brokerUrl);
        alink.getConfiguration().setGatewayDeviceName(AlinkBenchmarks.GATEWAY_DEVICE_NAME);
        camel.addComponent("alink-session", alink);
        for (int i = 0; i < size; i++) {
            Endpoint endpoint = camel.getEndpoint("alink-session:logout?gatewayProductKey=" + productKey(i));
            // not started here: the context starts it with itself, as it would a route's producer
            camel.addService(endpoint.createAsyncProducer(), true, false);
        }
        return new Fleet(size, camel, alink);
    }

    /** e.g. {@code a1Fleet000123}: a gateway of its own per index. */
    static String productKey(int index) {
        return String.format(Locale.ROOT, "a1Fleet%06d", index);
    }

    int size() {
        return size;
    }

    /** Starts the context, and with it every producer and its gateway. */
    void start() {
        camel.start();
    }

    /** Gateways connected with their subscriptions in place. */
    int ready() {
        return (int) connections().stream().filter(GatewayConnection::isReady).count();
    }

    /** The connections of the gateways started so far. */
    List<GatewayConnection> connections() {
        List<? extends GatewayClientSupport> clients = alink.gatewayClients();
        return clients.stream().map(GatewayClientSupport::connection).toList();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
