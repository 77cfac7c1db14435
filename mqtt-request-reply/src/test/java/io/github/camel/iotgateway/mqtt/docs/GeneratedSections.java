package io.github.camel.iotgateway.mqtt.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a document between {@code // name: START} and {@code // name: END} (AsciiDoc comments, not rendered)
 * that are generated. {@link #update} writes what the generator makes and fails when that differs from the file: a
 * clean build of committed docs passes with no diff, and a build of stale docs fails, leaving the regenerated file to
 * review and commit. Everything outside the markers is left as written.
 */
public final class GeneratedSections {

    private GeneratedSections() {
    }

    /**
     * Puts each section's text between its markers in {@code doc}; when that changed the file, writes it and throws.
     *
     * @param source what the sections are generated from, for the note at the top of each section and the failure
     */
    public static void update(Path doc, String source, Map<String, String> sections) throws IOException {
        String before = Files.readString(doc, StandardCharsets.UTF_8);
        String after = replace(before, source, sections);
        if (!after.equals(before)) {
            Files.writeString(doc, after, StandardCharsets.UTF_8);
            throw new AssertionError(doc + " differed from " + source + " in " + changed(before, after, sections)
                                     + ". It has been regenerated: review the diff and commit it.");
        }
    }

    /** {@code text} with each section's markers enclosing the generated text; a missing or unpaired marker fails. */
    static String replace(String text, String source, Map<String, String> sections) {
        String result = text;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String start = "// " + section.getKey() + ": START\n";
            String end = "// " + section.getKey() + ": END\n";
            int from = result.indexOf(start);
            int to = result.indexOf(end);
            if (from < 0 || to < from || result.indexOf(start, from + 1) >= 0) {
                throw new IllegalStateException("expected one '" + start.strip() + "' line followed by one '"
                                                + end.strip() + "' line where the generated " + section.getKey()
                                                + " go");
            }
            String body = "// Generated from " + source + " by this module's tests:\n"
                          + "// edit the javadoc it is made from, not these lines.\n" + section.getValue();
            result = result.substring(0, from + start.length()) + body + result.substring(to);
        }
        return result;
    }

    private static List<String> changed(String before, String after, Map<String, String> sections) {
        List<String> names = new ArrayList<>();
        for (String name : sections.keySet()) {
            if (!between(before, name).equals(between(after, name))) {
                names.add(name);
            }
        }
        return names;
    }

    private static String between(String text, String name) {
        int from = text.indexOf("// " + name + ": START\n");
        int to = text.indexOf("// " + name + ": END\n");
        return from < 0 || to < from ? "" : text.substring(from, to);
    }
}
