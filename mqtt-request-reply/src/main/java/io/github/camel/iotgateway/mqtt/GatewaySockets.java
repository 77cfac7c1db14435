package io.github.camel.iotgateway.mqtt;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Picks the socket factory of a gateway connection: TLS for ssl:// URLs, always with TCP_NODELAY. */
public final class GatewaySockets {

    private GatewaySockets() {
    }

    /**
     * @param sslContextParameters the TLS settings for ssl:// URLs; {@code null} takes the JVM's default trust
     */
    public static SocketFactory socketFactory(CamelContext camelContext, String brokerUrl,
            SSLContextParameters sslContextParameters) {
        if (!BrokerUrls.isTls(brokerUrl)) {
            return new TcpNoDelaySocketFactory();
        }
        try {
            SSLContext context = sslContextParameters != null
                    ? sslContextParameters.createSSLContext(camelContext) : SSLContext.getDefault();
            return new TcpNoDelaySslSocketFactory(context.getSocketFactory());
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot set up TLS for " + brokerUrl + ": " + e.getMessage(), e);
        }
    }
}
