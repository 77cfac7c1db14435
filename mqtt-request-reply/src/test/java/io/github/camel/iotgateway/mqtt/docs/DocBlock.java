package io.github.camel.iotgateway.mqtt.docs;

import java.nio.file.Path;

/** One source block of a document: its language, where it starts (for the test's name) and its text. */
public record DocBlock(Path file, int line, String language, String text) {

    /** Whether the block names {@code word}, e.g. a component's scheme. */
    public boolean mentions(String word) {
        return text.contains(word);
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + " (" + language + ")";
    }
}
