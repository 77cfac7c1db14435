package io.github.camel.iotgateway.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which sources were measured: the git commit, and the modules with uncommitted changes (other engineers work in the
 * same tree, and the benchmark runs against whatever {@code mvn install} last put in the local repository).
 */
final class SourceState {

    private SourceState() {
    }

    static String describe() {
        String commit = git("rev-parse", "--short", "HEAD");
        if (commit == null || commit.isBlank()) {
            return "unknown (not a git checkout)";
        }
        String status = git("status", "--porcelain", "--untracked-files=no", "--", ":(top)",
                ":(top,exclude)benchmarks", ":(top,exclude)docs");
        List<String> dirty = status == null ? List.of() : status.lines()
                .map(line -> line.substring(3))
                .map(path -> path.contains("/") ? path.substring(0, path.indexOf('/')) : path)
                .distinct().sorted().toList();
        return "commit " + commit.strip() + (dirty.isEmpty() ? ", clean"
                : ", with uncommitted changes in " + String.join(", ", dirty))
               + "; run against the artifacts `mvn install` last put in the local repository";
    }

    private static String git(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
