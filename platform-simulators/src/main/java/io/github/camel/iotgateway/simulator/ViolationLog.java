package io.github.camel.iotgateway.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client did that the real platform would reject or that breaks the protocol, in human-readable lines, so a
 * test of a client can assert there were none. Lines never carry payloads: those hold signs and secrets.
 */
final class ViolationLog {

    private static final Logger LOG = LoggerFactory.getLogger(ViolationLog.class);

    private final String platform;
    private final List<String> lines = new ArrayList<>();

    ViolationLog(String platform) {
        this.platform = platform;
    }

    synchronized void record(String line) {
        lines.add(line);
        LOG.warn("{} simulator: protocol violation: {}", platform, line);
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }
}
