package io.github.camel.iotgateway.huawei.springboot.gateway;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The application's routes: child devices are commissioned and decommissioned; the endpoints name no gateway option. */
@Component
public class ChildDeviceRoutes extends RouteBuilder {

    public static final String COMMISSION = "direct:commission";
    public static final String DECOMMISSION = "direct:decommission";

    @Override
    public void configure() {
        from(COMMISSION).routeId("commission").to("huaweiiot:addSubDevice");
        from(DECOMMISSION).routeId("decommission").to("huaweiiot:deleteSubDevice");
    }
}
