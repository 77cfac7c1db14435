package io.github.camel.iotgateway.protocol.iotda;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * {@code event_time}: UTC as {@code yyyyMMdd'T'HHmmss'Z'}, e.g. {@code 20240518T093012Z}. The platform takes its
 * receive time when the field is missing or malformed.
 */
public final class EventTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private EventTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /** @throws IllegalArgumentException when the text is not {@code yyyyMMdd'T'HHmmss'Z'} or no real date */
    public static Instant parse(String text) {
        try {
            return FORMAT.parse(text, Instant::from);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("event_time must be yyyyMMdd'T'HHmmss'Z' (UTC) but was '" + text + "'");
        }
    }

    public static boolean isWellFormed(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
