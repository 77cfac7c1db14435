package io.github.camel.iotgateway.alink.springboot.gateway;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The application's routes: its sub-devices come online and go offline; the endpoints name no gateway option. */
@Component
public class SubDeviceSessionRoutes extends RouteBuilder {

    public static final String ONLINE = "direct:subdevice-online";
    public static final String OFFLINE = "direct:subdevice-offline";

    @Override
    public void configure() {
        from(ONLINE).routeId("subdevice-online").to("alink-session:login");
        from(OFFLINE).routeId("subdevice-offline").to("alink-session:logout");
    }
}
