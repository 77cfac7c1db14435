package io.github.camel.iotgateway.mqtt.client;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;

import io.github.camel.iotgateway.mqtt.GatewayAuthenticationException;
import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.GatewayNotConnectedException;
import io.github.camel.iotgateway.mqtt.GatewayPublishException;
import io.github.camel.iotgateway.mqtt.GatewayTlsException;
import io.github.camel.iotgateway.mqtt.TcpNoDelaySslSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;

/** One Paho {@link MqttAsyncClient}, its one callback slot ours. */
final class PahoGatewayClient implements MqttGatewayClient {

    private final MqttAsyncClient client;
    private final MqttClientSettings settings;

    PahoGatewayClient(MqttAsyncClient client, MqttClientSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public void setListener(MqttClientListener listener) {
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                listener.connectionLost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                listener.messageArrived(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // the reply, not the delivery, ends a request
            }
        });
    }

    @Override
    public void connect(ConnectIdentity identity) throws GatewayException {
        MqttConnectOptions options = new MqttConnectOptions();
        // Paho refuses a null password (NPE), and an anonymous CONNECT sends neither
        if (identity.userName() != null) {
            options.setUserName(identity.userName());
        }
        char[] password = identity.password();
        if (password != null) {
            options.setPassword(password);
        }
        options.setSocketFactory(settings.socketFactory());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectionTimeoutSeconds());
        // Paho's default of 10 fails bursts with 32202 (docs/broker-notes.md G2)
        options.setMaxInflight(settings.maxInflight());
        options.setCleanSession(true);
        // Paho's default (0) retries a refused CONNECT as MQTT 3.1, whose failure then hides the refusal's reason
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        try {
            client.connect(options).waitForCompletion(settings.connectionTimeoutMillis() + 1000);
        } catch (MqttSecurityException e) {
            throw new GatewayAuthenticationException("Broker " + settings.brokerUrl() + " refused the credentials of"
                                                     + " gateway " + client.getClientId() + " (reason "
                                                     + e.getReasonCode() + ": " + e.getMessage() + ")",
                    e.getReasonCode(), e);
        } catch (MqttException e) {
            if (e.getCause() instanceof SSLException tls) {
                String issuer = settings.socketFactory() instanceof TcpNoDelaySslSocketFactory ours
                        ? ours.lastRefusedIssuer() : null;
                throw new GatewayTlsException("TLS handshake of gateway " + client.getClientId() + " with "
                                              + settings.brokerUrl() + " failed"
                                              + (issuer != null ? ": the broker's certificate chain, issued by " + issuer
                                                                  + ", is not trusted" : "")
                                              + " (" + tls.getMessage() + "). Fix: trust the broker's CA with"
                                              + " trustedCertificates (a PEM file of CA certificates) or"
                                              + " sslContextParameters, or check the host name of brokerUrl.",
                        e);
            }
            throw new GatewayNotConnectedException("Gateway " + client.getClientId() + " cannot reach "
                                                   + settings.brokerUrl() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void subscribe(List<String> topicFilters, int qos) throws GatewayException {
        int[] levels = new int[topicFilters.size()];
        Arrays.fill(levels, qos);
        try {
            IMqttToken token = client.subscribe(topicFilters.toArray(String[]::new), levels);
            token.waitForCompletion(settings.connectionTimeoutMillis());
            int[] granted = token.getGrantedQos();
            for (int level : granted == null ? new int[0] : granted) {
                if (level == 0x80) {
                    throw new GatewayNotConnectedException("Broker " + settings.brokerUrl() + " refused a subscription"
                                                           + " of gateway " + client.getClientId() + " to "
                                                           + topicFilters);
                }
            }
        } catch (MqttException e) {
            throw new GatewayNotConnectedException("Gateway " + client.getClientId() + " could not subscribe to "
                                                   + topicFilters + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, Consumer<Exception> lateFailure) throws GatewayException {
        try {
            client.publish(topic, payload, qos, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // the reply, not the delivery, ends a request
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    lateFailure.accept(new GatewayPublishException("Gateway " + client.getClientId()
                                                                   + " could not deliver to " + topic + ": "
                                                                   + failure.getMessage(),
                            failure));
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST) {
                throw new GatewayNotConnectedException("Gateway " + client.getClientId() + " lost its connection to "
                                                       + settings.brokerUrl() + " while publishing to " + topic,
                        e);
            }
            throw new GatewayPublishException("Gateway " + client.getClientId() + " could not publish to " + topic
                                              + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void disconnect(long quiesceMillis) {
        try {
            if (client.isConnected()) {
                client.disconnect(quiesceMillis).waitForCompletion(quiesceMillis + settings.connectionTimeoutMillis());
            }
        } catch (MqttException e) {
            forceDisconnect();
        }
    }

    private void forceDisconnect() {
        try {
            client.disconnectForcibly(0, 1000);
        } catch (MqttException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                forceDisconnect();
            }
            client.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
    }
}
