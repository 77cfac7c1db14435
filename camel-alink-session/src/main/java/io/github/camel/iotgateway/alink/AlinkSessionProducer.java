package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.mqtt.BatchItem;
import io.github.camel.iotgateway.mqtt.Chunks;
import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.GatewayClientSupport;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an exchange into session messages of its gateway and ends it with the platform's answer. Never blocks: the
 * exchange is held until its reply, a typed error or its timeout, and bad input fails before anything is published.
 */
public class AlinkSessionProducer extends AlinkGatewayProducer {

    private final SubDeviceBodies bodies = new SubDeviceBodies(AlinkJson.mapper());

    public AlinkSessionProducer(AlinkSessionEndpoint endpoint) {
        super(endpoint);
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
        Message message = exchange.getMessage();
        // asking an exchange without headers for one would give it a header map it then holds while it waits
        Object override = message.hasHeaders() ? message.getHeader(AlinkSessionConstants.OPERATION) : null;
        if (override == null) {
            return getEndpoint().operation();
        }
        if (!(override instanceof String name)) {
            throw new InvalidSubDeviceException(AlinkSessionConstants.OPERATION + " must be a String naming the operation");
        }
        if (TopologyOperation.fromEndpointName(name) != null) {
            throw new InvalidSubDeviceException(AlinkSessionConstants.OPERATION + " " + name + " is a topology operation:"
                                                + " send to alink-session:" + name + " instead");
        }
        try {
            return SessionOperation.fromName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubDeviceException(AlinkSessionConstants.OPERATION + ": " + e.getMessage(), e);
        }
    }

    private void sendSingle(Exchange exchange, AsyncCallback callback, SessionOperation operation) throws Exception {
        // the exchange may end after this producer stopped and let go of its client: hold on to the one it went to
        AlinkSessionClient client = gateway();
        Object params;
        if (operation.isLogin()) {
            SubDevice device = bodies.single(exchange.getMessage().getBody());
            params = loginParams(device);
            reserveLogin(client, List.of(device.id()));
        } else {
            params = bodies.singleId(exchange.getMessage().getBody());
        }
        SessionItem item = new SessionItem(exchange, callback, client, params);
        long timeout = configuration().getRequestTimeout();
        if (configuration().isBatching()) {
            client.enqueue(operation, new BatchItem<>(item, item, timeout));
        } else {
            client.sendAlone(item, timeout);
        }
    }

    /**
     * A batchLogin / batchLogout exchange goes out as messages of at most batchSize, all at once. It ends once, when
     * the last message has ended: with all sub-devices as its body, or failing with the first refused message's code
     * while naming the sub-devices the other messages did take care of.
     */
    private void sendBatch(Exchange exchange, AsyncCallback callback, SessionOperation operation) throws Exception {
        AlinkSessionClient client = gateway();
        List<SubDevice> devices = bodies.many(exchange.getMessage().getBody());
        List<SubDeviceId> ids = devices.stream().map(SubDevice::id).toList();
        List<Object> params = devices.stream().map(d -> operation.isLogin() ? (Object) loginParams(d) : d.id()).toList();
        if (operation.isLogin()) {
            reserveLogin(client, ids);
        }
        int size = configuration().getBatchSize();
        long timeout = configuration().getRequestTimeout();
        ExchangeCompletion completion = new ExchangeCompletion(exchange, callback,
                GatewayClientSupport.chunkCount(ids.size(), size),
                (ended, outcomes) -> endBatch(client, ended, operation, ids, params, size, outcomes));
        GatewayClientSupport.sendInChunks(params, size, completion,
                (chunk, done) -> client.send(operation, client.batchParams(operation.asSingle(), chunk), timeout, done));
    }

    private static void endBatch(AlinkSessionClient client, Exchange exchange, SessionOperation operation,
                                 List<SubDeviceId> ids, List<Object> params, int size, List<RequestOutcome> outcomes) {
        List<List<Object>> paramChunks = Chunks.of(params, size);
        for (int i = 0; i < outcomes.size(); i++) {
            client.track(operation, paramChunks.get(i), outcomes.get(i));
        }
        ChunkOutcomes.of(ids, size, outcomes).writeTo(exchange);
    }

    /** A place under the online cap and a login from each sub-device's per-minute budget, all or none. */
    private static void reserveLogin(AlinkSessionClient client, List<SubDeviceId> ids) throws Exception {
        client.online().reserve(ids);
        try {
            client.loginBudget().take(ids);
        } catch (Exception e) {
            client.online().loginEnded(ids);
            throw e;
        }
    }

    private LoginParams loginParams(SubDevice device) {
        try {
            return LoginParams.of(device, configuration().signMethodValue(), System::currentTimeMillis,
                    configuration().isCleanSession());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubDeviceException(e.getMessage(), e);
        }
    }

}
