package io.github.camel.iotgateway.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDevice;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The device lists of the story against the real clouds, as CSV files (RFC 4180: a field with a comma or a quote is
 * quoted, so any secret fits): {@code productKey,deviceName,deviceSecret} per line for Alibaba, one {@code device_id}
 * per line for Huawei. Lines starting with {@code #} and blank lines are skipped, spaces around a field are dropped, and
 * a first line that names the columns is a header. A line of another shape fails, naming its file and line but never
 * its fields, which hold secrets.
 */
final class DeviceListFiles {

    static final List<String> ALINK_COLUMNS = List.of("productKey", "deviceName", "deviceSecret");
    static final List<String> HUAWEI_COLUMNS = List.of("device_id");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private DeviceListFiles() {
    }

    static List<SubDevice> alinkSubDevices(Path file) throws IOException {
        return records(file, ALINK_COLUMNS).stream().map(r -> SubDevice.withSecret(r.get(0), r.get(1), r.get(2)))
                .toList();
    }

    static List<String> huaweiChildDevices(Path file) throws IOException {
        return records(file, HUAWEI_COLUMNS).stream().map(r -> r.get(0)).toList();
    }

    /** The records of {@code file}, each of exactly {@code columns}' size and none blank, without a header line. */
    private static List<CSVRecord> records(Path file, List<String> columns) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord record : parser) {
                if (records.isEmpty() && isHeader(record, columns)) {
                    continue;
                }
                if (record.size() != columns.size() || record.stream().anyMatch(String::isEmpty)) {
                    throw new IllegalArgumentException(file + " line " + parser.getCurrentLineNumber() + ": "
                                                       + record.size() + " field(s), not the " + columns.size()
                                                       + " non-empty " + String.join(",", columns));
                }
                records.add(record);
            }
        }
        return records;
    }

    private static boolean isHeader(CSVRecord record, List<String> columns) {
        return record.toList().equals(columns);
    }
}
