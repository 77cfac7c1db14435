package io.github.camel.iotgateway.alink;

import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.alink.error.InvalidSubDeviceException;
import io.github.camel.iotgateway.mqtt.ExchangeCompletion;
import io.github.camel.iotgateway.mqtt.GatewayClientSupport;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkLimits;
import io.github.camel.iotgateway.protocol.alink.AlinkReply;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.protocol.alink.TopologyAddParams;
import io.github.camel.iotgateway.protocol.alink.TopologyOperation;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * Attaches sub-devices to the gateway ({@code addTopology}, each entry signed), detaches them ({@code deleteTopology})
 * or lists them ({@code getTopology}) over the gateway's connection. A List of any size goes out as messages of at most
 * 30 entries, all at once, and the exchange ends once, when the last one has; bad input fails before anything is
 * published.
 */
public class AlinkTopologyProducer extends AlinkGatewayProducer {

    private final SubDeviceBodies bodies = new SubDeviceBodies(AlinkJson.mapper());

    public AlinkTopologyProducer(AlinkSessionEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            TopologyOperation operation = operationOf(exchange);
            // the exchange may end after this producer stopped and let go of its client: hold on to the one it went to
            AlinkSessionClient client = gateway();
            long timeout = configuration().getRequestTimeout();
            if (operation == TopologyOperation.GET) {
                ExchangeCompletion completion = ExchangeCompletion.single(exchange, callback,
                        (ended, outcomes) -> endGet(ended, outcomes.get(0)));
                client.sendTopology(operation, Map.of(), timeout, outcome -> completion.partEnded(0, outcome));
                return false;
            }
            List<SubDevice> devices = bodies.many(exchange.getMessage().getBody());
            List<SubDeviceId> ids = devices.stream().map(SubDevice::id).toList();
            List<Object> params = operation == TopologyOperation.ADD ? addParams(devices) : List.copyOf(ids);
            int size = AlinkLimits.MAX_TOPOLOGY_BATCH_SIZE;
            ExchangeCompletion completion = new ExchangeCompletion(exchange, callback,
                    GatewayClientSupport.chunkCount(ids.size(), size),
                    (ended, outcomes) -> endChanges(client, ended, operation, ids, size, outcomes));
            GatewayClientSupport.sendInChunks(params, size, completion,
                    (chunk, done) -> client.sendTopology(operation, chunk, timeout, done));
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private TopologyOperation operationOf(Exchange exchange) {
        Object override = exchange.getMessage().getHeader(AlinkSessionConstants.OPERATION);
        if (override == null) {
            return getEndpoint().topologyOperation();
        }
        TopologyOperation named = override instanceof String name ? TopologyOperation.fromEndpointName(name) : null;
        if (named == null) {
            throw new InvalidSubDeviceException(AlinkSessionConstants.OPERATION + " on a topology endpoint must be"
                                                + " addTopology, deleteTopology or getTopology, but was " + override);
        }
        return named;
    }

    private List<Object> addParams(List<SubDevice> devices) {
        String gatewayProductKey = configuration().getGatewayProductKey();
        String gatewayDeviceName = configuration().getGatewayDeviceName();
        return devices.stream().map(device -> {
            if (device.productKey().equals(gatewayProductKey) && device.deviceName().equals(gatewayDeviceName)) {
                // the platform would answer 6402 "topo relation cannot add by self"
                throw new InvalidSubDeviceException("addTopology names the gateway " + device.id()
                                                    + " itself: a gateway cannot be its own sub-device");
            }
            try {
                return (Object) TopologyAddParams.of(device, configuration().signMethodValue(),
                        System::currentTimeMillis);
            } catch (IllegalArgumentException e) {
                throw new InvalidSubDeviceException(e.getMessage(), e);
            }
        }).toList();
    }

    /** The body is the List of the gateway's sub-devices the platform returned. */
    private static void endGet(Exchange exchange, RequestOutcome outcome) {
        if (SessionReplies.succeeded(outcome)) {
            AlinkReply reply = SessionReplies.reply(outcome);
            ExchangeResults.success(exchange, AlinkJson.subDevicesIn(reply.data()), reply.code(), reply.message(),
                    outcome.key());
        } else {
            ExchangeResults.failure(exchange, outcome, List.of(), List.of());
        }
    }

    /**
     * The body is the List of the sub-devices attached or detached, in input order; a refused message fails the
     * exchange with its code, naming its sub-devices and those the other messages did take care of.
     */
    private static void endChanges(AlinkSessionClient client, Exchange exchange, TopologyOperation operation,
                                   List<SubDeviceId> ids, int size, List<RequestOutcome> outcomes) {
        ChunkOutcomes ended = ChunkOutcomes.of(ids, size, outcomes);
        if (operation == TopologyOperation.DELETE) {
            client.topologyDeleted(ended.succeeded());
        }
        ended.writeTo(exchange);
    }
}
