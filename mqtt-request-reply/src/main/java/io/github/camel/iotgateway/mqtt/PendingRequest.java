package io.github.camel.iotgateway.mqtt;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One request waiting for its reply: an entry of {@link PendingTable}, which chains entries itself rather than
 * wrapping each in a map node (32 bytes). A key that is a decimal number (Alink's message ids are) is held as a
 * {@code long}, and one in a UUID's canonical form (Huawei's event_ids, docs/protocol-notes.md B.7) as two, not as the
 * String it came as (56 bytes for a ten-digit id, 80 for a UUID): a pending request costs this one object of 56 bytes.
 */
final class PendingRequest {

    /** No timeout is kept further away than this: deadlines stay comparable as differences of nanoTime readings. */
    private static final long FARTHEST_NANOS = Long.MAX_VALUE / 4;
    /** Decimal numbers of up to 18 digits fit a long. */
    private static final int MAX_NUMBER_DIGITS = 18;

    /**
     * Stands for "the key is a UUID" in {@link #text}: compared by identity, it costs an entry nothing. A key that is
     * this very String, rather than one equal to it, is never given.
     */
    static final String UUID_FORM = new String("uuid");

    /** The key when it is a decimal number without leading zeros; a UUID key's low 64 bits; -1 otherwise. */
    private final long number;
    /** A UUID key's high 64 bits; 0 otherwise. */
    private final long high;
    /** The key when it is neither a number nor a UUID; {@link #UUID_FORM} for a UUID; {@code null} for a number. */
    private final String text;
    final Consumer<RequestOutcome> handler;
    /** When it was registered, just before its publish: the start of its reply latency and of its timeout. */
    final long sentNanos;
    final long timeoutMillis;
    /** The next entry of its bucket; guarded by the lock of its stripe. */
    PendingRequest next;

    PendingRequest(String key, Consumer<RequestOutcome> handler, long timeoutMillis) {
        long decimal = numberOf(key);
        if (decimal >= 0) {
            this.number = decimal;
            this.high = 0;
            this.text = null;
        } else if (isUuid(key)) {
            this.number = uuidLow(key);
            this.high = uuidHigh(key);
            this.text = UUID_FORM;
        } else {
            this.number = -1;
            this.high = 0;
            this.text = key;
        }
        this.handler = handler;
        this.timeoutMillis = timeoutMillis;
        this.sentNanos = System.nanoTime();
    }

    /** The key as the request went out under it. */
    String key() {
        if (text == UUID_FORM) {
            return new UUID(high, number).toString();
        }
        return text != null ? text : Long.toString(number);
    }

    /** The key as {@link #numberOf(String)} reads it, or a UUID key's low bits. */
    long keyNumber() {
        return number;
    }

    /** A UUID key's high bits. */
    long keyHigh() {
        return high;
    }

    /** The key when it is neither a number nor a UUID; {@link #UUID_FORM}, or {@code null} for a number. */
    String keyText() {
        return text;
    }

    /**
     * Whether this entry is the one of a key, given as {@link PendingTable} reads it: its number (or low bits), its
     * high bits and its text (or {@link #UUID_FORM}, or {@code null}).
     */
    boolean hasKey(long keyNumber, long keyHigh, String key) {
        if (key == null) {
            return text == null && number == keyNumber;
        }
        if (key == UUID_FORM) {
            return text == UUID_FORM && number == keyNumber && high == keyHigh;
        }
        return text != UUID_FORM && key.equals(text);
    }

    int hash() {
        return hash(number, high, text);
    }

    /** When its timeout passes, in {@link System#nanoTime()} terms. */
    long deadlineNanos() {
        return sentNanos + Math.min(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), FARTHEST_NANOS);
    }

    static int hash(long keyNumber, long keyHigh, String key) {
        int h = key == null ? Long.hashCode(keyNumber)
                : key == UUID_FORM ? Long.hashCode(keyNumber ^ keyHigh) : key.hashCode();
        // sequential ids differ in their low bits only: spread them over stripes and buckets alike
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The key as a number when it is written as one, without sign or leading zeros ("007" stays text); else -1. */
    static long numberOf(String key) {
        int length = key.length();
        if (length == 0 || length > MAX_NUMBER_DIGITS || length > 1 && key.charAt(0) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Whether the key is a UUID as {@link UUID#toString()} writes it: 36 characters, lower-case hex digits and the four
     * hyphens in their places. Any other spelling stays text, so the key goes back out exactly as it came.
     */
    static boolean isUuid(String key) {
        if (key.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = key.charAt(i);
            boolean hyphenHere = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenHere ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The high 64 bits of a key {@link #isUuid(String) in UUID form}: its first 16 hex digits. */
    static long uuidHigh(String key) {
        return hexBits(key, 0, 18);
    }

    /** The low 64 bits of a key {@link #isUuid(String) in UUID form}: its last 16 hex digits. */
    static long uuidLow(String key) {
        return hexBits(key, 19, 36);
    }

    private static long hexBits(String key, int from, int to) {
        long bits = 0;
        for (int i = from; i < to; i++) {
            char c = key.charAt(i);
            if (c != '-') {
                bits = bits << 4 | Character.digit(c, 16);
            }
        }
        return bits;
    }
}
