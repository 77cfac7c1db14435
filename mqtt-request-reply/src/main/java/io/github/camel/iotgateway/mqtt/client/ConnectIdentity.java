package io.github.camel.iotgateway.mqtt.client;

import java.util.Arrays;

/**
 * What a gateway sends in one CONNECT: user name, password and, where the cloud signs the time into it, the clientId.
 * Computed for each connect, so a reconnect hours later carries a fresh signature. Never printed: {@link #toString()} hides the password.
 */
public final class ConnectIdentity {

    private final String clientId;
    private final String userName;
    private final char[] password;

    /** An identity that keeps the connection's clientId. */
    public ConnectIdentity(String userName, String password) {
        this(null, userName, password);
    }

    /**
     * @param clientId the clientId for this connect, when the cloud signs the time into it (Huawei's hour stamp);
     *                 {@code null} keeps the connection's
     */
    public ConnectIdentity(String clientId, String userName, String password) {
        this.clientId = clientId;
        this.userName = userName;
        this.password = password == null ? null : password.toCharArray();
    }

    /** The clientId for this connect, or {@code null} for the connection's own. */
    public String clientId() {
        return clientId;
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
        return "ConnectIdentity[clientId=" + clientId + ", userName=" + userName + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
