package io.github.camel.iotgateway.kamelets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import io.github.camel.iotgateway.mqtt.docs.DocBlocks;

/** The README's snippets that this module's tests run: its Kamelets and Camel JBang sections. */
final class ReadmeSnippets {

    /** The module: surefire sets basedir; elsewhere the working directory is taken for it. */
    static final Path README = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../README.md")
            .normalize();

    private ReadmeSnippets() {
    }

    /** The README's one block in {@code language} that mentions {@code word}. */
    static DocBlock the(String language, String word) throws IOException {
        List<DocBlock> found = DocBlocks.in(README, language).stream().filter(b -> b.mentions(word)).toList();
        if (found.size() != 1) {
            throw new AssertionError(README.getFileName() + " has " + found.size() + " " + language + " blocks naming "
                                     + word + ", not one");
        }
        return found.get(0);
    }

    /** The README's YAML blocks that use a kamelet. */
    static List<DocBlock> kameletRoutes() throws IOException {
        return DocBlocks.in(README, "yaml").stream().filter(b -> b.mentions("kamelet:")).toList();
    }

    /** The words of the README's {@code camel ...} command line (its continuation lines joined), without "camel". */
    static List<String> camelCommand(String subcommand) throws IOException {
        DocBlock block = the("bash", "camel " + subcommand + " ");
        String joined = block.text().replace("\\\n", " ");
        String line = Arrays.stream(joined.split("\n")).filter(l -> l.startsWith("camel " + subcommand + " "))
                .findFirst().orElseThrow();
        List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
        words.remove(0);
        return words;
    }
}
