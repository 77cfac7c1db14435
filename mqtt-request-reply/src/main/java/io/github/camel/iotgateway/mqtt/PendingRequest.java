package io.github.camel.iotgateway.mqtt;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One request waiting for its reply: an entry of {@link PendingTable}, which chains entries itself rather than
 * wrapping each in a map node (32 bytes). A key that is a decimal number (Alink's message ids are) is held as a
 * {@code long}, not as the String it came as (56 bytes for a ten-digit id): a pending request costs this one object of
 * 48 bytes.
 */
final class PendingRequest {

    /** No timeout is kept further away than this: deadlines stay comparable as differences of nanoTime readings. */
    private static final long FARTHEST_NANOS = Long.MAX_VALUE / 4;
    /** Decimal numbers of up to 18 digits fit a long. */
    private static final int MAX_NUMBER_DIGITS = 18;

    /** The key when it is a decimal number without leading zeros; -1 otherwise. */
    private final long number;
    /** The key when it is not such a number; {@code null} otherwise. */
    private final String text;
    final Consumer<RequestOutcome> handler;
    /** When it was registered, just before its publish: the start of its reply latency and of its timeout. */
    final long sentNanos;
    final long timeoutMillis;
    /** The next entry of its bucket; guarded by the lock of its stripe. */
    PendingRequest next;

    PendingRequest(String key, Consumer<RequestOutcome> handler, long timeoutMillis) {
        this.number = numberOf(key);
        this.text = number < 0 ? key : null;
        this.handler = handler;
        this.timeoutMillis = timeoutMillis;
        this.sentNanos = System.nanoTime();
    }

    /** The key as the request went out under it. */
    String key() {
        return text != null ? text : Long.toString(number);
    }

    /** The key as {@link #numberOf(String)} reads it. */
    long keyNumber() {
        return number;
    }

    /** The key when it is not a number; {@code null} otherwise. */
    String keyText() {
        return text;
    }

    /** Whether this entry is the one of {@code key}, given as {@link #numberOf(String)} reads it. */
    boolean hasKey(long keyNumber, String key) {
        return keyNumber >= 0 ? number == keyNumber : key.equals(text);
    }

    int hash() {
        return hash(number, text);
    }

    /** When its timeout passes, in {@link System#nanoTime()} terms. */
    long deadlineNanos() {
        return sentNanos + Math.min(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), FARTHEST_NANOS);
    }

    static int hash(long keyNumber, String key) {
        int h = keyNumber >= 0 ? Long.hashCode(keyNumber) : key.hashCode();
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
}
