package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.GatewayLease;
import org.apache.camel.support.DefaultAsyncProducer;

/** A producer of the alink-session component: it holds a lease on its gateway's client while it runs. */
abstract class AlinkGatewayProducer extends DefaultAsyncProducer {

    protected GatewayLease<AlinkSessionClient> gateway;

    AlinkGatewayProducer(AlinkSessionEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AlinkSessionEndpoint getEndpoint() {
        return (AlinkSessionEndpoint) super.getEndpoint();
    }

    AlinkSessionConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        AlinkSessionComponent component = getEndpoint().getComponent();
        gateway = new GatewayLease<>(component, () -> component.acquireClient(getEndpoint()));
        gateway.acquire();
    }

    @Override
    protected void doStop() throws Exception {
        if (gateway != null) {
            gateway.release();
        }
        super.doStop();
    }
}
