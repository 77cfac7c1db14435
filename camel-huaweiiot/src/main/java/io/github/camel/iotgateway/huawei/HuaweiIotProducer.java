package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.List;

import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceOperationException;
import io.github.camel.iotgateway.huawei.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.mqtt.Chunks;
import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.GatewayClientSupport;
import io.github.camel.iotgateway.mqtt.GatewayComponentSupport;
import io.github.camel.iotgateway.mqtt.GatewayProducerSupport;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an exchange into child-device requests of its gateway and ends it with the platform's per-device answer.
 * Never blocks: the exchange is held until its response, a typed error or its timeout, and bad input fails before
 * anything is published.
 */
public class HuaweiIotProducer extends GatewayProducerSupport<HuaweiGatewayClient> {


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
        Message message = exchange.getMessage();
        // asking an exchange without headers for one would give it a header map it then holds while it waits
        Object override = message.hasHeaders() ? message.getHeader(HuaweiIotConstants.OPERATION) : null;
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

    private <E, S> void send(Exchange exchange, AsyncCallback callback, SubDeviceOperation<E, S> operation)
            throws Exception {
        HuaweiGatewayClient client = gateway();
        SubDeviceBodies.Read<E> body = SubDeviceBodies.read(exchange.getMessage().getBody(), operation);
        long timeout = configuration().getRequestTimeout();
        if (body.single() != null) {
            // the exchange may end after this producer stopped and let go of its client: the item holds the one it
            // went to
            SingleDeviceItem item = new SingleDeviceItem(exchange, callback, client, body.single());
            if (configuration().isBatching()) {
                client.enqueue(item, timeout);
            } else {
                client.sendAlone(item, timeout);
            }
            return;
        }
        List<E> entries = body.entries();
        int size = operation.maxPerRequest();
        ExchangeCompletion completion = new ExchangeCompletion(exchange, callback,
                GatewayClientSupport.chunkCount(entries.size(), size),
                (ended, outcomes) -> endList(ended, operation, entries, outcomes));
        // all parts go out at once; each is answered on its own
        GatewayClientSupport.sendInChunks(entries, size, completion,
                (chunk, done) -> client.send(operation, chunk, timeout, done));
    }

    /**
     * A List exchange ends with a {@link SubDeviceOperationResult} in input order. A request that got no answer fails
     * the exchange with its timeout or failure; the body then holds the result of the answered ones.
     */
    private <E, S> void endList(Exchange exchange, SubDeviceOperation<E, S> operation, List<E> entries,
                                List<RequestOutcome> outcomes) {
        List<List<E>> chunks = Chunks.of(entries, operation.maxPerRequest());
        List<S> successful = new ArrayList<>();
        List<FailedSubDevice> failed = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        String responseType = null;
        RequestOutcome firstUnanswered = null;
        List<String> firstUnansweredDevices = null;
        for (int i = 0; i < outcomes.size(); i++) {
            RequestOutcome outcome = outcomes.get(i);
            if (outcome.key() != null) {
                eventIds.add(outcome.key());
            }
            if (!outcome.answered()) {
                if (firstUnanswered == null) {
                    firstUnanswered = outcome;
                    firstUnansweredDevices = chunks.get(i).stream().map(operation::label).toList();
                }
                continue;
            }
            IotdaResponse<S> response = IotdaResponse.of(outcome);
            responseType = response.eventType();
            for (E entry : chunks.get(i)) {
                DeviceOutcome<S> device = response.of(operation.key(entry), operation.notReported(entry, outcome.key()));
                if (device.succeeded()) {
                    successful.add(device.success());
                } else {
                    failed.add(device.failure());
                }
            }
        }
        SubDeviceOperationResult<S> result = new SubDeviceOperationResult<>(successful, failed, eventIds);
        Message out = exchange.getMessage();
        out.setBody(result);
        out.setHeader(HuaweiIotConstants.EVENT_TYPE, responseType);
        if (firstUnanswered != null) {
            ExchangeResults.unanswered(exchange, firstUnanswered, firstUnansweredDevices);
        } else if (configuration().isFailOnAnyDeviceFailure() && !result.allSucceeded()) {
            exchange.setException(new HuaweiSubDeviceOperationException(result));
        }
        out.setHeader(HuaweiIotConstants.EVENT_ID, String.join(",", result.eventIds()));
    }

    @Override
    protected GatewayComponentSupport<HuaweiGatewayClient> gatewayComponent() {
        return getEndpoint().getComponent();
    }

    @Override
    protected HuaweiGatewayClient acquireGateway() throws Exception {
        return getEndpoint().getComponent().acquireClient(getEndpoint());
    }
}
