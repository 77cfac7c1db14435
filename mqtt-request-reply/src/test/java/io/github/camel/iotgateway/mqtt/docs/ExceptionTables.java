package io.github.camel.iotgateway.mqtt.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exceptions a document's error tables name: the `Name`s in the first cell of each row of every table whose
 * first header cell is "Exception" (AsciiDoc {@code |===} tables with one row a line, or Markdown tables).
 */
public final class ExceptionTables {

    private static final Pattern QUOTED_NAME = Pattern.compile("`(\\w+)`");
    private static final Pattern MARKDOWN_RULE = Pattern.compile("^\\|[\\s|:-]+\\|?\\s*$");

    private ExceptionTables() {
    }

    public static SortedSet<String> names(Path file) throws IOException {
        return names(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * The names in the tables of one section: from the heading line that starts with {@code heading} (e.g.
     * "## alink-session") to the next heading of its level or above.
     */
    public static SortedSet<String> namesInSection(Path file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith(heading)) {
            start++;
        }
        if (start == lines.size()) {
            throw new IllegalStateException(file + " has no heading '" + heading + "'");
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = start + 1;
        boolean inCode = false;
        for (; end < lines.size(); end++) {
            String line = lines.get(end);
            // a '# comment' in a fenced block (properties, bash) or a ---- block is no heading
            if (line.startsWith("```") || line.strip().equals("----")) {
                inCode = !inCode;
            } else if (!inCode && isHeadingUpTo(line, level)) {
                break;
            }
        }
        return names(lines.subList(start, end));
    }

    /** "## x" ends at "# y" or "## y" but not at "### y" (likewise "== x" in AsciiDoc). */
    private static boolean isHeadingUpTo(String line, String level) {
        char mark = level.charAt(0);
        int depth = 0;
        while (depth < line.length() && line.charAt(depth) == mark) {
            depth++;
        }
        return depth > 0 && depth < line.length() && line.charAt(depth) == ' ' && depth <= level.length() - 1;
    }

    private static SortedSet<String> names(List<String> lines) {
        SortedSet<String> names = new TreeSet<>();
        boolean inAsciidocTable = false;
        boolean expectHeader = true;
        boolean exceptionTable = false;
        for (String line : lines) {
            String row = line.strip();
            if (row.equals("|===")) {
                inAsciidocTable = !inAsciidocTable;
                expectHeader = true;
                exceptionTable = false;
                continue;
            }
            if (!row.startsWith("|")) {
                if (!inAsciidocTable) {
                    // a Markdown table ends at its first line that is no row
                    expectHeader = true;
                    exceptionTable = false;
                }
                continue;
            }
            if (MARKDOWN_RULE.matcher(row).matches()) {
                continue;
            }
            String first = firstCell(row);
            if (expectHeader) {
                exceptionTable = first.equals("Exception");
                expectHeader = false;
            } else if (exceptionTable) {
                Matcher name = QUOTED_NAME.matcher(first);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    /** The text between a row's first '|' and the next unescaped one. */
    private static String firstCell(String row) {
        int end = 1;
        while (end < row.length() && (row.charAt(end) != '|' || row.charAt(end - 1) == '\\')) {
            end++;
        }
        return row.substring(1, end).strip();
    }
}
