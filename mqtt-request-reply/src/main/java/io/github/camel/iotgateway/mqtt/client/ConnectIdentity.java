package io.github.camel.iotgateway.mqtt.client;

import java.util.Arrays;

/**
 * What a gateway sends in one CONNECT besides its clientId: user name and password. Computed for each connect, as
 * some clouds sign the time of connecting into them. Never printed: {@link #toString()} hides the password.
 */
public final class ConnectIdentity {

    private final String userName;
    private final char[] password;

    public ConnectIdentity(String userName, String password) {
        this.userName = userName;
        this.password = password == null ? null : password.toCharArray();
    }

    public String userName() {
        return userName;
    }

    /** A copy of the password, or {@code null}. */
    public char[] password() {
        return password == null ? null : Arrays.copyOf(password, password.length);
    }

    @Override
    public String toString() {
        return "ConnectIdentity[userName=" + userName + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
