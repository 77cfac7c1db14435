package io.github.camel.iotgateway.benchmarks;

/**
 * Sizes and round counts. The standard run keeps the whole command to a few minutes on 2 cores; {@code --quick} is a
 * smoke run of the same code with small numbers, whose figures are not worth reporting.
 *
 * @param warmups             rounds per arm thrown away before measuring
 * @param rounds              measured rounds per arm
 * @param batchWarmups        the same for the batching measurements, whose rounds last a fraction of a second
 * @param batchRounds         measured rounds per arm of the batching measurements: short rounds, so more of them
 * @param sequentialPerRound  round trips per sequential round, at most
 * @param sequentialRoundMillis a sequential round stops after this long even if short of its round trips (a broker
 *                            that stalls each round trip on a delayed ACK would otherwise take minutes)
 * @param batchDevices        single-device requests per batching round
 * @param pipelinedRequests   requests per unbatched pipelined round
 * @param window              requests in flight at most in the pipelined runs (and for the raw batch sender)
 * @param memoryPending       requests left pending for the heap measurement
 * @param memoryRounds        heap measurements per arm
 * @param stockSequential     most sequential round trips of the stock camel-paho reference
 * @param stockPipelined      requests of the stock camel-paho pipelined reference
 * @param requestTimeoutMillis how long any request may wait for its reply before it counts as failed
 * @param roundBoundMillis    the longest a pipelined round may run
 */
record BenchSettings(int warmups, int rounds, int batchWarmups, int batchRounds, int sequentialPerRound,
                     long sequentialRoundMillis, int batchDevices, int pipelinedRequests,
                     int window, int memoryPending, int memoryRounds, int stockSequential, int stockPipelined,
                     long requestTimeoutMillis, long roundBoundMillis) {

    /** The batch size both platforms take at most, used by the raw baselines. */
    static final int BATCH = 50;

    static BenchSettings standard() {
        return new BenchSettings(3, 7, 8, 25, 1000, 3000, 10_000, 10_000, 1000, 10_000, 3, 200, 5000, 10_000, 60_000);
    }

    static BenchSettings quick() {
        return new BenchSettings(1, 2, 1, 2, 200, 1000, 2000, 2000, 1000, 2000, 1, 50, 1000, 5000, 20_000);
    }

    /** The same sizes with 1 warm-up and {@code measured} rounds, e.g. for a profile. */
    BenchSettings withRounds(int measured) {
        return new BenchSettings(1, measured, 1, measured, sequentialPerRound, sequentialRoundMillis, batchDevices,
                pipelinedRequests,
                window, memoryPending, Math.min(memoryRounds, measured), stockSequential, stockPipelined,
                requestTimeoutMillis, roundBoundMillis);
    }

    /** Sub-devices the largest measurement names. */
    int devicesNeeded() {
        return Math.max(Math.max(sequentialPerRound, batchDevices), Math.max(pipelinedRequests, memoryPending));
    }
}
