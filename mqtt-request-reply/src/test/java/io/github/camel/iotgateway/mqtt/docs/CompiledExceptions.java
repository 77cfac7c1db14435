package io.github.camel.iotgateway.mqtt.docs;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The public exception classes of a package (and its subpackages) as compiled: read from the classes directory or the
 * jar that holds a given class, so a new exception shows up without anyone keeping a list.
 */
public final class CompiledExceptions {

    private CompiledExceptions() {
    }

    /**
     * The public {@link Throwable}s under {@code packageName} that were compiled with {@code anchor} (same classes
     * directory or jar: tests' classes of the same package do not count), by simple name.
     */
    public static SortedMap<String, Class<?>> publicIn(Class<?> anchor, String packageName) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the classes of " + anchor.getName(), e);
        }
        String folder = packageName.replace('.', '/') + "/";
        SortedMap<String, Class<?>> found = new TreeMap<>();
        for (String entry : classFiles(location, folder)) {
            Class<?> type = load(anchor, entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            if (Throwable.class.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())) {
                Class<?> other = found.put(type.getSimpleName(), type);
                if (other != null) {
                    throw new IllegalStateException(other.getName() + " and " + type.getName()
                                                    + " share a simple name, which the docs tables use");
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no public exception under " + packageName + " in " + location);
        }
        return found;
    }

    /** The .class entries under {@code folder} ("io/github/.../") of a classes directory or a jar. */
    private static List<String> classFiles(Path location, String folder) throws IOException {
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            Path root = location.resolve(folder);
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> entries.add(location.relativize(f).toString().replace('\\', '/')));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder) && n.endsWith(".class"))
                        .forEach(entries::add);
            }
        }
        entries.removeIf(e -> e.endsWith("package-info.class") || e.endsWith("module-info.class"));
        return entries;
    }

    private static Class<?> load(Class<?> anchor, String name) {
        try {
            // not initialized: only its type is looked at
            return Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
