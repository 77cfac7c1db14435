package io.github.camel.iotgateway.simulator;

/**
 * The ways a simulated platform breaks a reply when told to send malformed ones. They are taken in turn, so a run with
 * enough malformed replies sees every kind.
 */
enum Malformation {

    /** Bytes that do not parse as JSON (a reply cut short). */
    NOT_JSON,
    /** JSON of the wrong shape: a field of the wrong type; which field, the variant says. */
    WRONG_TYPES,
    /** The real reply padded to about {@link #HUGE_BYTES}. */
    HUGE;

    static final int HUGE_BYTES = 256 * 1024;

    /** The kind of the n-th malformed reply. */
    static Malformation nth(long n) {
        return values()[(int) (n % values().length)];
    }

    /** Picks, modulo the protocol's number of shapes, which shape the n-th malformed reply of its kind takes. */
    static int variant(long n) {
        return (int) ((n / values().length) % Integer.MAX_VALUE);
    }
}
