package io.github.camel.iotgateway.examples;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The request ids of a {@code CamelAlinkSessionRequestId} header: one id, or, for a list sent in several messages,
 * their ids joined by commas.
 */
final class RequestIds {

    private static final CSVFormat ONE_LINE = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setTrim(true)
            .get();

    private RequestIds() {
    }

    static List<String> of(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try (CSVParser parser = ONE_LINE.parse(new StringReader(header))) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of()
                    : records.get(0).stream().filter(id -> !id.isEmpty()).toList();
        } catch (IOException e) {
            // a StringReader does not fail
            throw new UncheckedIOException(e);
        }
    }
}
