package io.github.camel.iotgateway.mqtt;

import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Paho calls createSocket() and connects it itself: the socket must come out with TCP_NODELAY already on. */
class GatewaySocketsTest {

    @Test
    void plainBrokerUrlsGetSocketsWithNagleOff() throws Exception {
        SocketFactory factory = GatewaySockets.socketFactory(new DefaultCamelContext(), "tcp://127.0.0.1:1883", null, null);
        try (Socket socket = factory.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void sslBrokerUrlsGetAnSslSocketFactoryWithNagleOff() throws Exception {
        SocketFactory factory = GatewaySockets.socketFactory(new DefaultCamelContext(), "ssl://127.0.0.1:8883", null, null);
        // Paho refuses an ssl:// URL whose factory is not an SSLSocketFactory (error 32105)
        assertThat(factory).isInstanceOf(SSLSocketFactory.class);
        try (Socket socket = factory.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
