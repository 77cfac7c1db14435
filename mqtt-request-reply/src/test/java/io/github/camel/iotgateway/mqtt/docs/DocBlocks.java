package io.github.camel.iotgateway.mqtt.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source blocks of an AsciiDoc file ({@code [source,yaml]} followed by a {@code ----} delimited block) or of a
 * Markdown file (a fenced {@code ```yaml} block), so the tests run the examples as the reader sees them.
 */
public final class DocBlocks {

    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,\\s*([\\w-]+)[^]]*]\\s*$");
    private static final Pattern ADOC_DELIMITER = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");
    private static final Pattern MARKDOWN_FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*([\\w-]*).*$");

    private DocBlocks() {
    }

    /** Every source block of {@code file} in {@code language} (yaml, properties, ...), in document order. */
    public static List<DocBlock> in(Path file, String language) throws IOException {
        return all(file).stream().filter(b -> b.language().equalsIgnoreCase(language)).toList();
    }

    /** Every source block of {@code file} that names a language. */
    public static List<DocBlock> all(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return file.getFileName().toString().endsWith(".md") ? markdown(file, lines) : asciidoc(file, lines);
    }

    private static List<DocBlock> asciidoc(Path file, List<String> lines) {
        List<DocBlock> blocks = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher source = ADOC_SOURCE.matcher(lines.get(i));
            Matcher open = ADOC_DELIMITER.matcher(lines.get(i + 1));
            if (!source.matches() || !open.matches()) {
                continue;
            }
            String delimiter = lines.get(i + 1).strip();
            int close = indexOf(lines, delimiter, i + 2);
            blocks.add(new DocBlock(file, i + 3, source.group(1), String.join("\n", lines.subList(i + 2, close)) + "\n"));
            i = close;
        }
        return blocks;
    }

    private static List<DocBlock> markdown(Path file, List<String> lines) {
        List<DocBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = MARKDOWN_FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            String marker = fence.group(1);
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(marker)) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": the fenced block is never closed");
            }
            if (!fence.group(2).isEmpty()) {
                blocks.add(new DocBlock(file, i + 2, fence.group(2), String.join("\n", lines.subList(i + 1, close)) + "\n"));
            }
            i = close;
        }
        return blocks;
    }

    private static int indexOf(List<String> lines, String delimiter, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(delimiter)) {
                return i;
            }
        }
        throw new IllegalStateException("a " + delimiter + " block opened before line " + (from + 1) + " is never closed");
    }
}
