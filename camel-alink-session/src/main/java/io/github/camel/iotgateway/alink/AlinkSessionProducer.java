package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Turns an exchange into session messages of its gateway and ends it with the platform's answer. Never blocks: the
 * exchange is held until its reply, a typed error or its timeout, and bad input fails before anything is published.
 */
public class AlinkSessionProducer extends DefaultAsyncProducer {

    private final SubDeviceBodies bodies = new SubDeviceBodies(AlinkJson.mapper());
    private AlinkSessionClient client;

    public AlinkSessionProducer(AlinkSessionEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AlinkSessionEndpoint getEndpoint() {
        return (AlinkSessionEndpoint) super.getEndpoint();
    }

    private AlinkSessionConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            SessionOperation operation = operationOf(exchange);
            if (operation.isBatch()) {
                sendBatch(exchange, callback, operation);
            } else {
                sendSingle(exchange, callback, operation);
            }
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private SessionOperation operationOf(Exchange exchange) {
        Object override = exchange.getMessage().getHeader(AlinkSessionConstants.OPERATION);
        if (override == null) {
            return getEndpoint().operation();
        }
        if (!(override instanceof String name)) {
            throw new InvalidSubDeviceException(AlinkSessionConstants.OPERATION + " must be a String naming the operation");
        }
        try {
            return SessionOperation.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubDeviceException(AlinkSessionConstants.OPERATION + ": " + e.getMessage(), e);
        }
    }

    private void sendSingle(Exchange exchange, AsyncCallback callback, SessionOperation operation) throws Exception {
        SubDevice device = bodies.single(exchange.getMessage().getBody());
        SubDeviceId id = device.id();
        Object params = operation.isLogin() ? loginParams(device) : id;
        if (operation.isLogin()) {
            client.online().reserve(List.of(id));
        }
        PendingSingle item = new PendingSingle(exchange, callback, id, params);
        if (!configuration().isBatching()) {
            client.sendTogether(operation, List.of(item), configuration().getRequestTimeout());
            return;
        }
        try {
            client.enqueue(operation, item);
        } catch (RuntimeException e) {
            if (operation.isLogin()) {
                client.online().loginEnded(List.of(id));
            }
            throw e;
        }
    }

    private void sendBatch(Exchange exchange, AsyncCallback callback, SessionOperation operation) throws Exception {
        List<SubDevice> devices = bodies.many(exchange.getMessage().getBody());
        List<SubDeviceId> ids = devices.stream().map(SubDevice::id).toList();
        List<Object> params = devices.stream().map(d -> operation.isLogin() ? (Object) loginParams(d) : d.id()).toList();
        if (operation.isLogin()) {
            client.online().reserve(ids);
        }
        int size = configuration().getBatchSize();
        int messages = (ids.size() + size - 1) / size;
        BatchExchange batch = new BatchExchange(exchange, callback, ids, messages);
        for (int i = 0; i < messages; i++) {
            int index = i;
            List<SubDeviceId> chunkIds = ids.subList(i * size, Math.min(ids.size(), (i + 1) * size));
            List<Object> chunkParams = params.subList(i * size, Math.min(ids.size(), (i + 1) * size));
            client.send(operation, chunkIds, client.batchParams(operation.asSingle(), chunkParams),
                    configuration().getRequestTimeout(), outcome -> {
                        client.track(operation, chunkParams, outcome);
                        batch.messageEnded(index, chunkIds, outcome);
                    });
        }
    }

    private LoginParams loginParams(SubDevice device) {
        try {
            return LoginParams.of(device, configuration().signMethodValue(), System::currentTimeMillis);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubDeviceException(e.getMessage(), e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().getComponent().acquireClient(configuration());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            getEndpoint().getComponent().releaseClient(client);
            client = null;
        }
        super.doStop();
    }
}
