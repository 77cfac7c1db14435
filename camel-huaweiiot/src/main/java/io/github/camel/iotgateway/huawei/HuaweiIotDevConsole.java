package io.github.camel.iotgateway.huawei;

import java.util.Map;

import io.github.camel.iotgateway.mqtt.GatewayDevConsoleSupport;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The huaweiiot dev console: per gateway its connection, requests and figures, and, with reportStatusAfterReconnect,
 * the children it last reported ONLINE (those it reports ONLINE again after a reconnect).
 */
@DevConsole(name = "huaweiiot", displayName = "Huawei IoTDA gateways",
            description = "huaweiiot gateways: connection, requests on the wire, children reported online, figures")
public class HuaweiIotDevConsole extends GatewayDevConsoleSupport<HuaweiGatewayClient> {

    public HuaweiIotDevConsole() {
        super("huaweiiot", "Huawei IoTDA gateways",
                "huaweiiot gateways: connection, requests on the wire, children reported online, figures",
                HuaweiIotComponent.class);
    }

    @Override
    protected void describe(HuaweiGatewayClient client, Map<String, Object> figures) {
        StatusAfterReconnect status = client.statusAfterReconnect();
        figures.put("reportStatusAfterReconnect", status != null);
        if (status != null) {
            figures.put("onlineChildren", status.online().size());
        }
    }
}
