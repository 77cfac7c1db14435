package io.github.camel.iotgateway.huawei.springboot.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A gateway application as a user writes one: the starter on the classpath, the gateway in application.properties,
 * routes as beans ({@link ChildDeviceRoutes}).
 */
@SpringBootApplication
public class GatewayApplication {
}
