package io.github.camel.iotgateway.mqtt;

import java.util.Map;
import java.util.stream.Collectors;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ManagementAgent;

/**
 * One gateway connection in JMX, under its CamelContext:
 * {@code org.apache.camel:context=<context>,type=gateways,name="<component>:<gateway>"}. Its figures as attributes,
 * and the operation that lets a connection that gave up after a takeover reconnect. No secret, and no signed clientId:
 * the gateway is named by its stable {@link GatewayConnection#displayName()}.
 */
@ManagedResource(description = "An IoT gateway's MQTT connection")
public final class ManagedGatewayConnection {

    /** The MBean type under the context's JMX domain. */
    public static final String TYPE = "gateways";

    private final GatewayConnection connection;
    private final GatewayMetrics metrics;

    ManagedGatewayConnection(GatewayConnection connection) {
        this.connection = connection;
        this.metrics = connection.metrics();
    }

    static ObjectName objectName(CamelContext camelContext, ManagementAgent agent, GatewayConnection connection)
            throws MalformedObjectNameException {
        String context = camelContext.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForCamelContext(camelContext).getKeyProperty("context");
        return new ObjectName(agent.getMBeanObjectDomainName() + ":context=" + context + ",type=" + TYPE + ",name="
                              + ObjectName.quote(connection.componentName() + ":" + connection.displayName()));
    }

    @ManagedAttribute(description = "The component (scheme) whose gateway this is")
    public String getComponent() {
        return connection.componentName();
    }

    @ManagedAttribute(description = "The gateway, by its stable name (the clientId without signing parameters)")
    public String getGateway() {
        return connection.displayName();
    }

    @ManagedAttribute(description = "The MQTT broker")
    public String getBrokerUrl() {
        return connection.getBrokerUrl();
    }

    @ManagedAttribute(description = "Connected with its reply subscriptions in place")
    public boolean isConnected() {
        return connection.isReady();
    }

    @ManagedAttribute(description = "Gave up reconnecting: another client keeps taking over its clientId")
    public boolean isTakenOver() {
        return connection.isTakenOver();
    }

    @ManagedAttribute(description = "Requests waiting for their reply now")
    public int getPendingRequests() {
        PendingReplies pending = connection.pendingReplies();
        return pending == null ? 0 : pending.size();
    }

    @ManagedAttribute(description = "Requests and messages waiting for the platform's pace now")
    public int getWaitingForPace() {
        return connection.waitingForPace();
    }

    @ManagedAttribute(description = "Requests published")
    public long getRequestsSent() {
        return metrics.requestsSent();
    }

    @ManagedAttribute(description = "Requests the platform answered")
    public long getReplies() {
        return metrics.replies();
    }

    @ManagedAttribute(description = "Answers by the platform's code, as code=count")
    public String getRepliesByCode() {
        return text(metrics.repliesByCode());
    }

    @ManagedAttribute(description = "Requests not answered within their timeout")
    public long getTimedOut() {
        return metrics.timeouts();
    }

    @ManagedAttribute(description = "Requests that ended without an answer for another reason (refused, lost, stopped)")
    public long getFailures() {
        return metrics.failures();
    }

    @ManagedAttribute(description = "Failures by exception type, as type=count")
    public String getFailuresByType() {
        return text(metrics.failuresByType());
    }

    @ManagedAttribute(description = "Mean time from publish to answer, in milliseconds")
    public double getMeanReplyLatencyMillis() {
        return metrics.meanReplyLatencyMillis();
    }

    @ManagedAttribute(description = "Longest time from publish to answer, in milliseconds")
    public double getMaxReplyLatencyMillis() {
        return metrics.maxReplyLatencyMillis();
    }

    @ManagedAttribute(description = "Batches of single requests handed on by the batchers")
    public long getBatches() {
        return metrics.batches();
    }

    @ManagedAttribute(description = "Mean requests per batch")
    public double getMeanBatchSize() {
        return metrics.meanBatchSize();
    }

    @ManagedAttribute(description = "Times the connection came back after it was lost")
    public long getReconnects() {
        return metrics.reconnects();
    }

    @ManagedAttribute(description = "Answers no waiting request claimed: late, or for keys nobody asked for")
    public long getUnmatchedMessages() {
        return metrics.unmatchedReplies();
    }

    @ManagedAttribute(description = "Second answers to requests already answered")
    public long getDuplicatedMessages() {
        return metrics.duplicatedReplies();
    }

    @ManagedAttribute(description = "Received messages that were not messages of the protocol")
    public long getMalformedMessages() {
        return metrics.malformedMessages();
    }

    @ManagedAttribute(description = "Platform notices handed to the events routes")
    public long getNoticesDelivered() {
        return metrics.noticesDelivered();
    }

    @ManagedAttribute(description = "Received messages dropped because a queue was full")
    public long getDroppedMessages() {
        return connection.droppedMessages() + connection.droppedNotices();
    }

    @ManagedAttribute(description = "Messages published, requests and others")
    public long getMessagesPublished() {
        return connection.messagesPublished();
    }

    @ManagedAttribute(description = "The last failure of a request or of the connection")
    public String getLastError() {
        GatewayMetrics.LastError last = metrics.lastError();
        return last == null ? "" : last.type() + ": " + last.message();
    }

    @ManagedOperation(description = "Reconnect a connection that gave up after a takeover, once the other client is gone;"
                                    + " false when it was not taken over")
    public boolean clearTakeover() {
        return connection.clearTakeover();
    }

    private static String text(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
