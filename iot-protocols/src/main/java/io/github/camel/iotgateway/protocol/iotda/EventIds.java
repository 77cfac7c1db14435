package io.github.camel.iotgateway.protocol.iotda;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * {@code event_id}s. The gateway sets its own, because the response carries the same id and is correlated by it;
 * a random UUID fits the form the platform gives its own ids: 36 letters, digits and hyphens.
 */
public final class EventIds {

    public static final int LENGTH = 36;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{" + LENGTH + "}");

    private EventIds() {
    }

    /**
     * A fresh random id, e.g. {@code 0f8d6a52-9c1e-4b57-8f0a-6c2d3e4f5a6b}: a version 4 UUID. Its 122 random bits come
     * from {@link ThreadLocalRandom}, not from {@link UUID#randomUUID()}'s SecureRandom: an id only has to be unique
     * among a gateway's requests, not unguessable, and SecureRandom takes a lock and several microseconds for each.
     */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48; // the IETF variant
        return new UUID(high, low).toString();
    }

    /** Whether the id has the platform's form: exactly 36 letters, digits and hyphens. */
    public static boolean isWellFormed(String eventId) {
        return eventId != null && FORM.matcher(eventId).matches();
    }
}
