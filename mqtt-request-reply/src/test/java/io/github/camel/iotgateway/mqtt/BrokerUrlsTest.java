package io.github.camel.iotgateway.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerUrlsTest {

    private static final String SCHEME = "alink-session";
    private static final String FIX = "camel.component." + SCHEME + ".brokerUrl";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mqtt://h:1      | scheme mqtt",
            "tcp://:1883     | names no host",
            "tcp://h         | names no port",
            "tcp://h:70000   | names no port",
            "tcp://h:0       | names no port",
            "localhost:1883  | the MQTT client takes tcp, ssl, ws or wss",
            "tcp://h :1883   | is not a URL" })
    void aWrongBrokerUrlFailsNamingWhatIsWrongAndWhereToSetIt(String url, String what) {
        assertThatThrownBy(() -> BrokerUrls.requireValid(SCHEME, url))
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining(what)
                .hasMessageContaining(FIX);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void aMissingBrokerUrlFailsNamingWhereToSetIt(String url) {
        assertThatThrownBy(() -> BrokerUrls.requireValid(SCHEME, url))
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining("not set")
                .hasMessageContaining(FIX);
    }

    @ParameterizedTest
    @ValueSource(strings = { "tcp://localhost:1883", "ssl://iot.example.com:8883", "ws://10.0.0.1:80",
            "wss://iot.example.com:443", "TCP://host:1", "tcp://host:65535" })
    void anMqttUrlWithHostAndPortIsAccepted(String url) {
        assertThat(BrokerUrls.requireValid(SCHEME, url)).isEqualTo(url);
    }

    @Test
    void tlsIsAskedForBySslAndWss() {
        assertThat(BrokerUrls.isTls("ssl://h:8883")).isTrue();
        assertThat(BrokerUrls.isTls("WSS://h:443")).isTrue();
        assertThat(BrokerUrls.isTls("tcp://h:1883")).isFalse();
        assertThat(BrokerUrls.isTls("ws://h:80")).isFalse();
    }

    @Test
    void aMissingOptionFailsNamingItAndWhereToSetIt() {
        assertThatThrownBy(() -> BrokerUrls.requireSet(SCHEME, "gatewayDeviceName", " "))
                .isInstanceOf(InvalidGatewayOptionException.class)
                .hasMessageContaining("gatewayDeviceName")
                .hasMessageContaining("camel.component." + SCHEME + ".gatewayDeviceName");
        assertThat(BrokerUrls.requireSet(SCHEME, "gatewayDeviceName", "gw")).isEqualTo("gw");
    }
}
