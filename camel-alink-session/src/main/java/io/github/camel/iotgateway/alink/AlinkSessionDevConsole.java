package io.github.camel.iotgateway.alink;

import java.util.Map;

import io.github.camel.iotgateway.mqtt.GatewayDevConsoleSupport;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The alink-session dev console: per gateway its connection, requests and figures, and the sub-devices it holds online
 * (those it logged in, not yet logged out, counted against maxOnlineSubDevices).
 */
@DevConsole(name = "alink-session", displayName = "Alibaba IoT gateways",
            description = "alink-session gateways: connection, requests on the wire, online sub-devices, figures")
public class AlinkSessionDevConsole extends GatewayDevConsoleSupport<AlinkSessionClient> {

    public AlinkSessionDevConsole() {
        super("alink-session", "Alibaba IoT gateways",
                "alink-session gateways: connection, requests on the wire, online sub-devices, figures",
                AlinkSessionComponent.class);
    }

    @Override
    protected void describe(AlinkSessionClient client, Map<String, Object> figures) {
        figures.put("onlineSubDevices", client.online().onlineCount());
    }
}
