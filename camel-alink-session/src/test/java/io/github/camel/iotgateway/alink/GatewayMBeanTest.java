package io.github.camel.iotgateway.alink;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With JMX on (camel-management), each gateway is an MBean under its CamelContext with its figures as attributes, and
 * a gateway that gave up after a takeover is brought back by the clearTakeover operation.
 */
class GatewayMBeanTest extends AlinkTestSupport {

    private static final String SUB_SECRET = "subSecretExample0001";
    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    GatewayMBeanTest() {
        testConfiguration().withJMX(true);
    }

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setMaxReconnectDelay(500);
    }

    private ObjectName gatewayMBean() throws Exception {
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                              + ",type=gateways,*"), null);
        assertThat(names).hasSize(1);
        return names.iterator().next();
    }

    @Test
    void theGatewaysFiguresAreAttributesOfItsMBean() throws Exception {
        platform.registerSubDevice(SUB_PK, "jmx-1", SUB_SECRET);
        assertThat(template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "jmx-1", SUB_SECRET))).getException()).isNull();
        Exchange refused = template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "never-logged-in")));
        assertThat(refused.getException()).isInstanceOf(AlinkNoSessionException.class);

        ObjectName name = gatewayMBean();
        String gateway = gatewayProductKey + "." + gatewayDeviceName;
        assertThat(name.getKeyProperty("name")).isEqualTo(ObjectName.quote("alink-session:" + gateway));
        assertThat(jmx.getAttribute(name, "Component")).isEqualTo("alink-session");
        assertThat(jmx.getAttribute(name, "Gateway")).isEqualTo(gateway);
        assertThat(jmx.getAttribute(name, "BrokerUrl")).isEqualTo(brokerUrl());
        assertThat(jmx.getAttribute(name, "Connected")).isEqualTo(true);
        assertThat(jmx.getAttribute(name, "TakenOver")).isEqualTo(false);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jmx.getAttribute(name, "RequestsSent"))
                .isEqualTo(2L));
        assertThat(jmx.getAttribute(name, "Replies")).isEqualTo(2L);
        assertThat(jmx.getAttribute(name, "RepliesByCode")).isEqualTo("200=1, 520=1");
        assertThat(jmx.getAttribute(name, "TimedOut")).isEqualTo(0L);
        assertThat(jmx.getAttribute(name, "PendingRequests")).isEqualTo(0);
        assertThat((Double) jmx.getAttribute(name, "MeanReplyLatencyMillis")).isPositive();
        assertThat(jmx.getAttribute(name, "Failures")).isEqualTo(0L);
        assertThat(jmx.getAttribute(name, "LastError")).isEqualTo("");

        // the MBean goes with the gateway
        context.stop();
        assertThat(jmx.queryNames(name, null)).isEmpty();
    }

    @Test
    void clearTakeoverBringsBackAGatewayThatGaveUpToAnotherClient() throws Exception {
        // starts the gateway
        platform.setOnline(SUB_PK, "before");
        assertThat(template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "before"))).getException()).isNull();
        ObjectName name = gatewayMBean();
        assertThat(jmx.invoke(name, "clearTakeover", new Object[0], new String[0])).isEqualTo(false);

        // another client with the gateway's clientId, which comes back whenever it is kicked out
        MqttAsyncClient impostor = new MqttAsyncClient(brokerUrl(), gatewayProductKey + "." + gatewayDeviceName,
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1000);
        impostor.connect(options).waitForCompletion(5000);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(jmx.getAttribute(name, "TakenOver")).isEqualTo(true));
            assertThat(jmx.getAttribute(name, "Connected")).isEqualTo(false);
        } finally {
            impostor.disconnectForcibly(100, 100);
            impostor.close();
        }
        long reconnectsBefore = (Long) jmx.getAttribute(name, "Reconnects");

        assertThat(jmx.invoke(name, "clearTakeover", new Object[0], new String[0])).isEqualTo(true);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jmx.getAttribute(name, "Connected")).isEqualTo(true));
        assertThat(jmx.getAttribute(name, "TakenOver")).isEqualTo(false);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat((Long) jmx.getAttribute(name, "Reconnects"))
                .isGreaterThan(reconnectsBefore));
        platform.setOnline(SUB_PK, "after");
        assertThat(template.send("alink-session:logout?batching=false",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "after"))).getException()).isNull();
    }
}
