package io.github.camel.iotgateway.protocol.alink;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alink message ids: decimal strings in 0..4294967295, unique per gateway connection. The sequence starts at a random
 * point so a restarted process does not replay the ids of its previous life, and wraps from 4294967295 to 0. It does
 * not know which ids are still pending: the correlation table refuses a duplicate and the caller takes the next one.
 */
public final class MessageIdSequence {

    private static final long MODULUS = AlinkLimits.MAX_MESSAGE_ID + 1;

    private final AtomicLong next;

    public MessageIdSequence() {
        this(new SecureRandom().nextLong(MODULUS));
    }

    /** For tests that need to start next to the wrap. */
    public MessageIdSequence(long start) {
        if (start < 0 || start > AlinkLimits.MAX_MESSAGE_ID) {
            throw new IllegalArgumentException("start must be in 0..4294967295");
        }
        this.next = new AtomicLong(start);
    }

    public String next() {
        return Long.toString(next.getAndUpdate(v -> (v + 1) % MODULUS));
    }
}
