package io.github.camel.iotgateway.kamelets;

import java.util.List;

import io.github.camel.iotgateway.alink.AlinkSessionConstants;
import io.github.camel.iotgateway.huawei.HuaweiIotConstants;
import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import io.github.camel.iotgateway.simulator.IotdaPlatformSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kamelet routes of the README's Kamelets section, read from it, do what it says, with the gateways set once on the
 * components (as the README's application.properties does) and Kafka stood in for by Camel's stub: of the same URI.
 */
class ReadmeKameletRoutesTest extends KameletTestSupport {

    private static final String SUB_PK = "a1SubPk0001";
    private static final String PRODUCT_ID = "6650a1b2c3d4e5f6a7b8c9d0";

    private final String gatewayProductKey = uniqueAlinkProductKey();
    private final String gatewayDeviceId = uniqueIotdaGatewayId(PRODUCT_ID);
    private AlinkPlatformSimulator alink;
    private IotdaPlatformSimulator iotda;

    @Override
    protected void startPlatform() {
        alink = alinkPlatform(gatewayProductKey, "gw-readme");
        iotda = iotdaPlatform(gatewayDeviceId);
    }

    @Override
    protected void configureComponents(CamelContext camel) {
        GatewaySettings.onTheAlinkSessionComponent(camel, broker().brokerUrl(), gatewayProductKey, "gw-readme");
        GatewaySettings.onTheHuaweiiotComponent(camel, broker().brokerUrl(), gatewayDeviceId);
    }

    @Test
    void theAlinkRoutesLogInWhatKafkaBringsAndHandOnWhatThePlatformPushes() throws Exception {
        StubbedSnippetRoutes.add(context, ReadmeSnippets.the("yaml", "kamelet:alink-subdevice-session-sink"));
        alink.registerSubDevice(SUB_PK, "readme-01", "sub-secret-01");

        Exchange done = template.send("stub:kafka:subdevice-online", ExchangePattern.InOut, e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"readme-01\",\"deviceSecret\":\"sub-secret-01\"}"));
        alink.pushError(522, SUB_PK, "readme-02");
        Exchange pushed = consumer.receive("stub:kafka:subdevice-events", 5000);

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(AlinkSessionConstants.CODE, Integer.class)).isEqualTo(200);
        assertThat(alink.isOnline(SUB_PK, "readme-01")).isTrue();
        assertThat(pushed).as("the push on the events topic").isNotNull();
        assertThat(pushed.getMessage().getBody(String.class))
                .isEqualTo("[{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"readme-02\"}]");
        assertThat(pushed.getMessage().getHeader(AlinkSessionConstants.EVENT_KIND)).isEqualTo("FORCED_OFFLINE");
    }

    @Test
    void theHuaweiRoutesDeleteWhatKafkaBringsAndHandOnThePlatformsEvents() throws Exception {
        StubbedSnippetRoutes.add(context, ReadmeSnippets.the("yaml", "kamelet:huaweiiot-child-device-sink"));
        String retired = PRODUCT_ID + "_readme-meter-1";
        String goneElsewhere = PRODUCT_ID + "_readme-meter-2";
        iotda.registerChild(retired);
        iotda.registerChild(goneElsewhere);

        Exchange done = template.send("stub:kafka:child-retired", ExchangePattern.InOut,
                e -> e.getMessage().setBody(retired));
        iotda.sendDeleteNotice(3, List.of(goneElsewhere));
        Exchange event = consumer.receive("stub:kafka:child-events", 5000);

        assertThat(done.getException()).isNull();
        assertThat(iotda.children()).doesNotContain(retired);
        assertThat(event).as("the event on the events topic").isNotNull();
        assertThat(event.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE)).isEqualTo("delete_sub_device_notify");
        assertThat(event.getMessage().getBody(String.class)).contains("\"device_id\":\"" + goneElsewhere + "\"");
    }

    @Test
    void everyKameletRouteOfTheReadmeIsOneThisTestRuns() throws Exception {
        assertThat(ReadmeSnippets.kameletRoutes()).extracting(DocBlock::line).containsExactlyInAnyOrder(
                ReadmeSnippets.the("yaml", "kamelet:alink-subdevice-session-sink").line(),
                ReadmeSnippets.the("yaml", "kamelet:huaweiiot-child-device-sink").line());
    }
}
