package io.github.camel.iotgateway.mqtt;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * An SSL context that trusts the JVM's CAs and, when given, the CA certificates of a PEM file: Alibaba's port 8883
 * chains to Alibaba's own root CA, which the JDK does not hold (docs/protocol-notes.md A.2). Its trust manager
 * remembers who issued a chain it refused, so the error can name it.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * @param pemResource a PEM file of CA certificates ({@code file:}, {@code classpath:} or a path); {@code null} for
     *                    the JVM's CAs only
     */
    static SSLContext sslContext(CamelContext camelContext, String pemResource, RefusedChains refused)
            throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int index = 0;
        for (X509Certificate ca : jvmDefaults().getAcceptedIssuers()) {
            trust.setCertificateEntry("jvm-" + index++, ca);
        }
        if (pemResource != null && !pemResource.isBlank()) {
            for (Certificate ca : read(camelContext, pemResource)) {
                trust.setCertificateEntry("pem-" + index++, ca);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        X509TrustManager delegate = x509(factory.getTrustManagers());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { refused.watching(delegate) }, null);
        return context;
    }

    private static Collection<? extends Certificate> read(CamelContext camelContext, String pemResource)
            throws Exception {
        String uri = pemResource.contains(":") ? pemResource : "file:" + pemResource;
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(camelContext, uri)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate in " + pemResource);
            }
            return certificates;
        }
    }

    private static X509TrustManager jvmDefaults() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
