package io.github.camel.iotgateway.simulator;

/**
 * What a simulated platform's misbehaviour switches did since start or the last reset, counted per reply: how many
 * real replies it dropped, delayed, replaced by a malformed one, sent twice, and how many replies to ids nobody asked
 * it added.
 */
public record MisbehaviourCounts(long dropped, long delayed, long malformed, long duplicated, long unsolicited) {
}
