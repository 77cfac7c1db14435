package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into consecutive chunks of at most the platform's limit per message, in order. */
public final class Chunks {

    private Chunks() {
    }

    public static <E> List<List<E>> of(List<E> entries, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1");
        }
        List<List<E>> chunks = new ArrayList<>((entries.size() + chunkSize - 1) / chunkSize);
        for (int from = 0; from < entries.size(); from += chunkSize) {
            chunks.add(List.copyOf(entries.subList(from, Math.min(entries.size(), from + chunkSize))));
        }
        return chunks;
    }
}
