package io.github.camel.iotgateway.huawei;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camel.iotgateway.mqtt.Chunks;
import io.github.camel.iotgateway.mqtt.GatewayConnectionListener;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.iotda.DeviceStatus;
import io.github.camel.iotgateway.protocol.iotda.IotdaLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway is advised to report its children's status again after each reconnect (docs/protocol-notes.md D). With
 * {@code reportStatusAfterReconnect}, the children this gateway last reported ONLINE (and has not since reported
 * OFFLINE or deleted) are reported ONLINE again after each reconnect, in requests of at most 100.
 */
final class StatusAfterReconnect implements GatewayConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusAfterReconnect.class);

    private final HuaweiGatewayClient client;
    private final long timeoutMillis;
    private final Set<String> online = ConcurrentHashMap.newKeySet();

    StatusAfterReconnect(HuaweiGatewayClient client, long timeoutMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    /** Follows what the platform took: statuses it updated, children it deleted. */
    void observe(SubDeviceOperation<?, ?> operation, RequestOutcome outcome) {
        if (!outcome.answered()) {
            return;
        }
        IotdaResponse<?> response = IotdaResponse.of(outcome);
        for (Map.Entry<String, ? extends DeviceOutcome<?>> device : response.devices().entrySet()) {
            if (!device.getValue().succeeded()) {
                continue;
            }
            if (operation == DeleteSubDevices.INSTANCE) {
                online.remove(device.getKey());
            } else if (operation == UpdateSubDeviceStatuses.INSTANCE
                       && device.getValue().success() instanceof DeviceStatus status) {
                if (DeviceStatus.ONLINE.equals(status.status())) {
                    online.add(status.deviceId());
                } else {
                    online.remove(status.deviceId());
                }
            }
        }
    }

    Set<String> online() {
        return Set.copyOf(online);
    }

    @Override
    public void connected(boolean reconnect) {
        List<DeviceStatus> statuses = online.stream().sorted().map(id -> new DeviceStatus(id, DeviceStatus.ONLINE))
                .toList();
        if (!reconnect || statuses.isEmpty()) {
            return;
        }
        LOG.info("Gateway {} reconnected: reporting its {} online children ONLINE again",
                client.connection().displayName(), statuses.size());
        for (List<DeviceStatus> chunk : Chunks.of(statuses, IotdaLimits.MAX_STATUS_DEVICES)) {
            client.send(UpdateSubDeviceStatuses.INSTANCE, chunk, timeoutMillis, outcome -> {
                if (!outcome.answered()) {
                    LOG.warn("Gateway {} could not report {} children ONLINE again: {}",
                            client.connection().displayName(), chunk.size(),
                            outcome.isTimeout() ? "no response" : outcome.failure().getMessage());
                }
            });
        }
    }
}
