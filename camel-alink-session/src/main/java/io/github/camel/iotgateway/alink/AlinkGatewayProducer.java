package io.github.camel.iotgateway.alink;

import io.github.camel.iotgateway.mqtt.GatewayComponentSupport;
import io.github.camel.iotgateway.mqtt.GatewayProducerSupport;

/** A producer of the alink-session component: sessions or topology of its endpoint's gateway. */
abstract class AlinkGatewayProducer extends GatewayProducerSupport<AlinkSessionClient> {

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
    protected GatewayComponentSupport<AlinkSessionClient> gatewayComponent() {
        return getEndpoint().getComponent();
    }

    @Override
    protected AlinkSessionClient acquireGateway() throws Exception {
        return getEndpoint().getComponent().acquireClient(getEndpoint());
    }
}
