package io.github.camel.iotgateway.kamelets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camel.iotgateway.protocol.alink.AlinkConnectCredentials;
import io.github.camel.iotgateway.simulator.ConnectAuthenticator;

/**
 * The broker's CONNECT check as the Alibaba platform makes it for one gateway: the platform simulator's own clients
 * in, the gateway only with the password signed by its DeviceSecret. It counts the signed connects and keeps every
 * password the gateway showed, so that a log can be searched for them.
 */
final class AlinkSignedConnects implements ConnectAuthenticator {

    private final String gatewayProductKey;
    private final String gatewayDeviceName;
    private final String gatewaySecret;
    private final Set<String> passwordsShown;
    private final AtomicInteger signed = new AtomicInteger();

    AlinkSignedConnects(String gatewayProductKey, String gatewayDeviceName, String gatewaySecret) {
        this(gatewayProductKey, gatewayDeviceName, gatewaySecret, ConcurrentHashMap.newKeySet());
    }

    /** @param passwordsShown where the passwords the gateway shows go (a test class's, kept across its tests) */
    AlinkSignedConnects(String gatewayProductKey, String gatewayDeviceName, String gatewaySecret,
                        Set<String> passwordsShown) {
        this.gatewayProductKey = gatewayProductKey;
        this.gatewayDeviceName = gatewayDeviceName;
        this.gatewaySecret = gatewaySecret;
        this.passwordsShown = passwordsShown;
    }

    @Override
    public boolean accept(String clientId, String username, String password) {
        if (clientId.startsWith("alink-platform-sim")) {
            return true;
        }
        passwordsShown.add(password);
        boolean valid = AlinkConnectCredentials.verify(clientId, username, password, gatewayProductKey, gatewayDeviceName,
                gatewaySecret);
        if (valid) {
            signed.incrementAndGet();
        }
        return valid;
    }

    /** The gateway's connects the broker let in. */
    int signedConnects() {
        return signed.get();
    }
}
