package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests of a correlation table by key: a hash table in stripes, each under its own lock, whose buckets chain
 * the {@link PendingRequest}s themselves (a map would add a node per request, and a String key per request where the
 * key is a number or a UUID). An entry leaves the table once: whoever removes it is the one that ends its request.
 */
final class PendingTable {

    /** A power of 2: registering callers and the reply worker seldom wait for the same stripe. */
    private static final int STRIPES = 16;
    private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(STRIPES);

    private final Stripe[] stripes = new Stripe[STRIPES];

    PendingTable() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** @return {@code false}, adding nothing, when a request of the same key is in the table */
    boolean putIfAbsent(PendingRequest entry) {
        int hash = entry.hash();
        return stripeOf(hash).putIfAbsent(entry, hash, entry.keyNumber(), entry.keyHigh(), entry.keyText());
    }

    /** Takes the request of {@code key} out of the table; {@code null} when none is in it. */
    PendingRequest remove(String key) {
        long number = PendingRequest.numberOf(key);
        if (number >= 0) {
            int hash = PendingRequest.hash(number, 0, null);
            return stripeOf(hash).remove(hash, number, 0, null, null);
        }
        if (PendingRequest.isUuid(key)) {
            long low = PendingRequest.uuidLow(key);
            long high = PendingRequest.uuidHigh(key);
            int hash = PendingRequest.hash(low, high, PendingRequest.UUID_FORM);
            return stripeOf(hash).remove(hash, low, high, PendingRequest.UUID_FORM, null);
        }
        int hash = PendingRequest.hash(-1, 0, key);
        return stripeOf(hash).remove(hash, -1, 0, key, null);
    }

    /** Takes this very entry out (not a newer request that reuses its key); {@code false} when it is not in. */
    boolean remove(PendingRequest entry) {
        int hash = entry.hash();
        return stripeOf(hash).remove(hash, entry.keyNumber(), entry.keyHigh(), entry.keyText(), entry) != null;
    }

    /** Whether no request is in the table; stops at the first stripe that holds one, so it is cheap under load. */
    boolean isEmpty() {
        for (Stripe stripe : stripes) {
            if (stripe.size > 0) {
                return false;
            }
        }
        return true;
    }

    int size() {
        int size = 0;
        for (Stripe stripe : stripes) {
            size += stripe.size;
        }
        return size;
    }

    /**
     * Takes out every request whose deadline has come by {@code nowNanos} into {@code due}.
     *
     * @return nanoseconds from {@code nowNanos} to the earliest deadline still in the table; {@link Long#MAX_VALUE}
     *         when none is left
     */
    long removeDue(long nowNanos, List<PendingRequest> due) {
        long earliest = Long.MAX_VALUE;
        for (Stripe stripe : stripes) {
            earliest = Math.min(earliest, stripe.removeDue(nowNanos, due));
        }
        return earliest;
    }

    /** Takes every request out. */
    List<PendingRequest> removeAll() {
        List<PendingRequest> all = new ArrayList<>();
        for (Stripe stripe : stripes) {
            stripe.removeAll(all);
        }
        return all;
    }

    private Stripe stripeOf(int hash) {
        return stripes[hash >>> (Integer.SIZE - STRIPE_BITS)];
    }

    /**
     * A chained hash table under its own lock, doubling when it holds more than two entries a bucket: comparing keys
     * of a short chain costs less than the buckets would (4 bytes each, for every pending request).
     */
    private static final class Stripe {
        private PendingRequest[] buckets = new PendingRequest[4];
        /** Written under the lock; read without it for {@link PendingTable#size()}. */
        private volatile int size;

        synchronized boolean putIfAbsent(PendingRequest entry, int hash, long number, long high, String key) {
            int index = hash & (buckets.length - 1);
            for (PendingRequest e = buckets[index]; e != null; e = e.next) {
                if (e.hasKey(number, high, key)) {
                    return false;
                }
            }
            entry.next = buckets[index];
            buckets[index] = entry;
            size = size + 1;
            if (size > 2 * buckets.length) {
                grow();
            }
            return true;
        }

        /** Removes the entry of the key, or only {@code only} when it is given; returns what it removed. */
        synchronized PendingRequest remove(int hash, long number, long high, String key, PendingRequest only) {
            int index = hash & (buckets.length - 1);
            PendingRequest previous = null;
            for (PendingRequest e = buckets[index]; e != null; previous = e, e = e.next) {
                if (e.hasKey(number, high, key)) {
                    if (only != null && e != only) {
                        return null;
                    }
                    unlink(index, previous, e);
                    return e;
                }
            }
            return null;
        }

        synchronized long removeDue(long nowNanos, List<PendingRequest> due) {
            long earliest = Long.MAX_VALUE;
            for (int index = 0; index < buckets.length; index++) {
                PendingRequest previous = null;
                PendingRequest e = buckets[index];
                while (e != null) {
                    PendingRequest next = e.next;
                    long left = e.deadlineNanos() - nowNanos;
                    if (left <= 0) {
                        unlink(index, previous, e);
                        due.add(e);
                    } else {
                        earliest = Math.min(earliest, left);
                        previous = e;
                    }
                    e = next;
                }
            }
            return earliest;
        }

        synchronized void removeAll(List<PendingRequest> into) {
            for (int index = 0; index < buckets.length; index++) {
                for (PendingRequest e = buckets[index]; e != null; e = e.next) {
                    into.add(e);
                }
                buckets[index] = null;
            }
            size = 0;
        }

        private void unlink(int index, PendingRequest previous, PendingRequest e) {
            if (previous == null) {
                buckets[index] = e.next;
            } else {
                previous.next = e.next;
            }
            e.next = null;
            size = size - 1;
        }

        private void grow() {
            PendingRequest[] old = buckets;
            PendingRequest[] grown = new PendingRequest[old.length * 2];
            for (PendingRequest head : old) {
                PendingRequest e = head;
                while (e != null) {
                    PendingRequest next = e.next;
                    int index = e.hash() & (grown.length - 1);
                    e.next = grown[index];
                    grown[index] = e;
                    e = next;
                }
            }
            buckets = grown;
        }
    }
}
