package io.github.camel.iotgateway.mqtt;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Picks the socket factory of a gateway connection: TLS for ssl:// URLs, always with TCP_NODELAY. */
public final class GatewaySockets {

    private GatewaySockets() {
    }

    /**
     * @param sslContextParameters the TLS settings for ssl:// URLs; {@code null} takes the JVM's CAs
     * @param trustedCertificates  a PEM file of CA certificates trusted besides the JVM's; not with
     *                             sslContextParameters
     */
    public static SocketFactory socketFactory(CamelContext camelContext, String brokerUrl,
            SSLContextParameters sslContextParameters, String trustedCertificates) {
        if (!BrokerUrls.isTls(brokerUrl)) {
            return new TcpNoDelaySocketFactory();
        }
        if (sslContextParameters != null && trustedCertificates != null && !trustedCertificates.isBlank()) {
            throw new InvalidGatewayOptionException("Set either sslContextParameters or trustedCertificates, not both:"
                                                    + " sslContextParameters decides the whole TLS set-up");
        }
        try {
            if (sslContextParameters != null) {
                return new TcpNoDelaySslSocketFactory(sslContextParameters.createSSLContext(camelContext)
                        .getSocketFactory(), null);
            }
            RefusedChains refused = new RefusedChains();
            SSLContext context = TrustedCertificates.sslContext(camelContext, trustedCertificates, refused);
            return new TcpNoDelaySslSocketFactory(context.getSocketFactory(), refused);
        } catch (Exception e) {
            throw new InvalidGatewayOptionException("Cannot set up TLS for " + brokerUrl
                                                    + (trustedCertificates != null
                                                            ? " with trustedCertificates " + trustedCertificates : "")
                                                    + ": " + e.getMessage(), e);
        }
    }
}
