package io.github.camel.iotgateway.huawei;

import java.util.List;

import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Turns an exchange into child-device requests of its gateway and ends it with the platform's per-device answer.
 * Never blocks: the exchange is held until its response, a typed error or its timeout, and bad input fails before
 * anything is published.
 */
public class HuaweiIotProducer extends DefaultAsyncProducer {

    private HuaweiGatewayClient client;

    public HuaweiIotProducer(HuaweiIotEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public HuaweiIotEndpoint getEndpoint() {
        return (HuaweiIotEndpoint) super.getEndpoint();
    }

    private HuaweiIotConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            send(exchange, callback, SubDeviceOperation.of(operationOf(exchange)));
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private HuaweiIotOperation operationOf(Exchange exchange) {
        Object override = exchange.getMessage().getHeader(HuaweiIotConstants.OPERATION);
        if (override == null) {
            return getEndpoint().operation();
        }
        if (!(override instanceof String name)) {
            throw new InvalidSubDeviceException(HuaweiIotConstants.OPERATION + " must be a String naming the operation");
        }
        HuaweiIotOperation operation;
        try {
            operation = HuaweiIotOperation.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubDeviceException(HuaweiIotConstants.OPERATION + ": " + e.getMessage(), e);
        }
        if (!operation.isProducer()) {
            throw new InvalidSubDeviceException("huaweiiot cannot send '" + name + "': it is the events consumer");
        }
        return operation;
    }

    private <E, S> void send(Exchange exchange, AsyncCallback callback, SubDeviceOperation<E, S> operation) {
        SubDeviceBodies.Read<E> body = SubDeviceBodies.read(exchange.getMessage().getBody(), operation);
        if (body.single()) {
            PendingSingle item = new PendingSingle(exchange, callback, body.entries().get(0));
            if (configuration().isBatching()) {
                client.enqueue(operation, item);
            } else {
                client.sendTogether(operation, List.of(item), configuration().getRequestTimeout());
            }
            return;
        }
        List<E> entries = body.entries();
        int size = operation.maxPerRequest();
        int requests = (entries.size() + size - 1) / size;
        ListExchange<E, S> list = new ListExchange<>(exchange, callback, operation, entries, requests,
                configuration().isFailOnAnyDeviceFailure());
        // all parts go out at once; each is answered on its own
        for (int i = 0; i < requests; i++) {
            int index = i;
            List<E> chunk = entries.subList(i * size, Math.min(entries.size(), (i + 1) * size));
            client.send(operation, chunk, configuration().getRequestTimeout(),
                    outcome -> list.requestEnded(index, chunk, outcome));
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
