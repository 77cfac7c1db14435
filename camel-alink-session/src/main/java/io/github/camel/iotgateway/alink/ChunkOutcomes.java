package io.github.camel.iotgateway.alink;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import io.github.camel.iotgateway.mqtt.Chunks;
import io.github.camel.iotgateway.mqtt.RequestOutcome;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;

/**
 * How the messages of one List exchange, sent in chunks, ended: the sub-devices they took care of (in input order) and
 * the first refused chunk.
 *
 * @param chunks       the sub-devices of each message, in sending order
 * @param succeeded    the sub-devices of the messages that succeeded, in input order
 * @param firstFailure the index of the first message that did not succeed, or -1
 */
record ChunkOutcomes(List<List<SubDeviceId>> chunks, List<RequestOutcome> outcomes, List<SubDeviceId> succeeded,
                     int firstFailure) {

    static ChunkOutcomes of(List<SubDeviceId> ids, int chunkSize, List<RequestOutcome> outcomes) {
        List<List<SubDeviceId>> chunks = Chunks.of(ids, chunkSize);
        Set<SubDeviceId> succeeded = new HashSet<>();
        int firstFailure = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            if (SessionReplies.succeeded(outcomes.get(i))) {
                succeeded.addAll(chunks.get(i));
            } else if (firstFailure < 0) {
                firstFailure = i;
            }
        }
        return new ChunkOutcomes(chunks, outcomes, ids.stream().filter(succeeded::contains).toList(), firstFailure);
    }

    /** Ends the exchange: its sub-devices as the body, or the first refused message's error. */
    void writeTo(Exchange exchange) {
        if (firstFailure >= 0) {
            ExchangeResults.failure(exchange, outcomes.get(firstFailure), chunks.get(firstFailure), succeeded);
            return;
        }
        StringJoiner requestIds = new StringJoiner(",");
        outcomes.forEach(o -> requestIds.add(String.valueOf(o.key())));
        var reply = SessionReplies.reply(outcomes.get(outcomes.size() - 1));
        ExchangeResults.success(exchange, succeeded, reply.code(), reply.message(), requestIds.toString());
    }
}
