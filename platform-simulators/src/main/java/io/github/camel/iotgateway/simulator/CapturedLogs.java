package io.github.camel.iotgateway.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

/**
 * Everything this JVM logs, at every level: the SLF4J lines slf4j-simple writes to the file named by
 * {@code org.slf4j.simpleLogger.logFile} (the surefire execution that runs the secrets test sets it, and the default
 * level to trace, before the first log line), java.util.logging at ALL (Paho logs through it), and whatever is written
 * to System.out and System.err. For the tests that prove no secret is ever logged.
 */
public final class CapturedLogs {

    public static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";
    public static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private static final Pattern HEX_RUN = Pattern.compile("[0-9A-Fa-f]{32,}");
    private static final StringBuffer JUL = new StringBuffer();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static boolean started;

    private CapturedLogs() {
    }

    /** Whether this JVM was started to capture everything: SLF4J at trace into a file. */
    public static boolean everyLevelGoesToAFile() {
        String file = System.getProperty(LOG_FILE);
        return file != null && !file.equals("System.err") && !file.equals("System.out")
               && "trace".equalsIgnoreCase(System.getProperty(DEFAULT_LEVEL));
    }

    /** Routes java.util.logging at ALL, and a copy of System.out and System.err, into the capture. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        // slf4j-simple opens (and empties) its file with the first logger: before any mark, not after it
        LoggerFactory.getLogger(CapturedLogs.class);
        Logger root = LogManager.getLogManager().getLogger("");
        root.setLevel(Level.ALL);
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ')
                        .append(record.getLoggerName()).append(' ').append(formatter.formatMessage(record));
                if (record.getParameters() != null) {
                    // a handler with another format might print them all
                    line.append(" params=").append(Arrays.deepToString(record.getParameters()));
                }
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                JUL.append(line).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
    }

    /**
     * Camel core's TRACE lines that show an endpoint URI, or its parameters, exactly as the route gave it: a secret
     * put into a URI shows there, whatever the component does (see SecretsNeverShowTest).
     */
    public static final List<String> CAMEL_CORE_RAW_URI_LINES = List.of(
            " TRACE org.apache.camel.impl.engine.AbstractCamelContext - ",
            " TRACE org.apache.camel.support.EndpointHelper - ",
            " TRACE org.apache.camel.support.DefaultComponent - ");

    /**
     * camel-main's own DEBUG lines, which show every value of the properties it reads unmasked, whatever Camel holds
     * sensitive ('Properties from Camel properties component:' then each key=value, and 'Configured property:
     * key=value on bean: ...'; camel-main 4.17.0 BaseMainSupport and MainHelper). See SecretsInPropertiesTest.
     */
    public static final List<String> CAMEL_MAIN_RAW_VALUE_LINES = List.of(
            " DEBUG org.apache.camel.main.BaseMainSupport - ",
            " DEBUG org.apache.camel.main.MainHelper - ");

    /** How far the capture had come: lines of the SLF4J file, characters of the other two. */
    public record Mark(int slf4jLines, int julChars, int consoleBytes) {
        public static final Mark START = new Mark(0, 0, 0);
    }

    public static Mark mark() throws IOException {
        System.out.flush();
        System.err.flush();
        int console;
        synchronized (CONSOLE) {
            console = CONSOLE.size();
        }
        return new Mark(Files.readAllLines(Path.of(System.getProperty(LOG_FILE)), StandardCharsets.UTF_8).size(),
                JUL.length(), console);
    }

    /** Everything captured since the mark, without the SLF4J lines that contain any of the markers given. */
    public static String textSince(Mark mark, List<String> leftOut) throws IOException {
        System.out.flush();
        System.err.flush();
        StringBuilder text = new StringBuilder();
        List<String> lines = Files.readAllLines(Path.of(System.getProperty(LOG_FILE)), StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(mark.slf4jLines(), lines.size()), lines.size())) {
            if (leftOut.stream().noneMatch(line::contains)) {
                text.append(line).append('\n');
            }
        }
        text.append(JUL.substring(Math.min(mark.julChars(), JUL.length()))).append('\n');
        synchronized (CONSOLE) {
            String console = CONSOLE.toString(StandardCharsets.UTF_8);
            text.append(console.substring(Math.min(mark.consoleBytes(), console.length())));
        }
        return text.toString();
    }

    /** Lines of the SLF4J capture at this level (TRACE, DEBUG, ...). */
    public static long slf4jLinesAt(String level) throws IOException {
        return Files.readAllLines(Path.of(System.getProperty(LOG_FILE)), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" " + level + " ")).count();
    }

    /** The java.util.logging records of loggers under this name, e.g. org.eclipse.paho. */
    public static long julRecordsOf(String loggerPrefix) {
        return JUL.toString().lines().filter(l -> l.contains(" " + loggerPrefix)).count();
    }

    /** Writes the java.util.logging records and the console next to the SLF4J file, for a person to read. */
    public static void keepBesideTheLogFile() throws IOException {
        Path file = Path.of(System.getProperty(LOG_FILE));
        Files.writeString(file.resolveSibling(file.getFileName() + ".jul"), JUL.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The first secret found in the text: a literal anywhere in it, or a computed hex digest (sign, password) in any of
     * its runs of hex digits; compared ignoring case, as hex may be written either way. Null when there is none.
     */
    public static String firstSecretIn(String text, Collection<String> literals, Set<String> hexDigests) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String literal : literals) {
            if (lower.contains(literal.toLowerCase(Locale.ROOT))) {
                return literal;
            }
        }
        Set<Integer> lengths = new TreeSet<>();
        Set<String> digests = new HashSet<>();
        hexDigests.forEach(d -> {
            lengths.add(d.length());
            digests.add(d.toUpperCase(Locale.ROOT));
        });
        Matcher run = HEX_RUN.matcher(text);
        while (run.find()) {
            String hex = run.group().toUpperCase(Locale.ROOT);
            for (int length : lengths) {
                for (int i = 0; i + length <= hex.length(); i++) {
                    if (digests.contains(hex.substring(i, i + length))) {
                        return hex.substring(i, i + length);
                    }
                }
            }
        }
        return null;
    }

    /** Writes to the original stream and into the capture. */
    private static final class Tee extends OutputStream {
        private final PrintStream original;

        private Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            original.write(b);
            synchronized (CONSOLE) {
                CONSOLE.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            synchronized (CONSOLE) {
                CONSOLE.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
