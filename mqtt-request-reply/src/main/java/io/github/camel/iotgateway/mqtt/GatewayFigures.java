package io.github.camel.iotgateway.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway connection's state and figures at one moment, in a fixed order, for the dev consoles: no secret and no
 * signed clientId (the gateway is named by {@link GatewayConnection#displayName()}).
 */
public final class GatewayFigures {

    private GatewayFigures() {
    }

    /** The figures as name and value, in the order a reader wants them. */
    public static Map<String, Object> of(GatewayConnection connection) {
        GatewayMetrics metrics = connection.metrics();
        PendingReplies pending = connection.pendingReplies();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("component", connection.componentName());
        figures.put("gateway", connection.displayName());
        figures.put("brokerUrl", connection.getBrokerUrl());
        figures.put("connected", connection.isReady());
        figures.put("takenOver", connection.isTakenOver());
        figures.put("pendingRequests", pending == null ? 0 : pending.size());
        figures.put("waitingForPace", connection.waitingForPace());
        figures.put("requestsSent", metrics.requestsSent());
        figures.put("replies", metrics.replies());
        figures.put("repliesByCode", metrics.repliesByCode());
        figures.put("timeouts", metrics.timeouts());
        figures.put("failures", metrics.failures());
        figures.put("failuresByType", metrics.failuresByType());
        figures.put("meanReplyLatencyMillis", round(metrics.meanReplyLatencyMillis()));
        figures.put("maxReplyLatencyMillis", round(metrics.maxReplyLatencyMillis()));
        figures.put("batches", metrics.batches());
        figures.put("meanBatchSize", round(metrics.meanBatchSize()));
        figures.put("reconnects", metrics.reconnects());
        figures.put("unmatchedMessages", metrics.unmatchedReplies());
        figures.put("duplicatedMessages", metrics.duplicatedReplies());
        figures.put("malformedMessages", metrics.malformedMessages());
        figures.put("noticesDelivered", metrics.noticesDelivered());
        figures.put("droppedMessages", connection.droppedMessages() + connection.droppedNotices());
        figures.put("messagesPublished", connection.messagesPublished());
        GatewayMetrics.LastError last = metrics.lastError();
        if (last != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", last.type());
            error.put("message", last.message());
            error.put("at", last.atMillis());
            figures.put("lastError", error);
        }
        return figures;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
