package io.github.camel.iotgateway.mqtt;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

/**
 * Remembers who issued the last server certificate chain a gateway's TLS refused, for an error that names it: the
 * JDK's own message ("PKIX path building failed") does not say which CA the broker's chain leads to.
 */
public final class RefusedChains {

    private volatile String lastIssuer;

    /** The issuer (and subject) of the last refused chain's top certificate, or {@code null}. */
    public String lastIssuer() {
        return lastIssuer;
    }

    X509TrustManager watching(X509TrustManager delegate) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                delegate.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    delegate.checkServerTrusted(chain, authType);
                } catch (CertificateException refused) {
                    X509Certificate top = chain[chain.length - 1];
                    lastIssuer = top.getIssuerX500Principal().getName();
                    throw refused;
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return delegate.getAcceptedIssuers();
            }
        };
    }
}
