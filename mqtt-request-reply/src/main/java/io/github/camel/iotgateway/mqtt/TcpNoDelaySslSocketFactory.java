package io.github.camel.iotgateway.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets with TCP_NODELAY, wrapping the factory of the configured SSL context. Paho requires an
 * {@link SSLSocketFactory} for {@code ssl://} URLs, so this has to be one rather than a plain wrapper.
 */
public final class TcpNoDelaySslSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final RefusedChains refused;

    /** @param refused remembers who issued a chain the trust refused; {@code null} when the trust is not ours */
    public TcpNoDelaySslSocketFactory(SSLSocketFactory delegate, RefusedChains refused) {
        this.delegate = delegate;
        this.refused = refused;
    }

    /** The issuer of the last server chain the trust refused, or {@code null} (none, or not known). */
    public String lastRefusedIssuer() {
        return refused == null ? null : refused.lastIssuer();
    }

    @Override
    public Socket createSocket() throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        s.setTcpNoDelay(true);
        return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return TcpNoDelaySocketFactory.noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
