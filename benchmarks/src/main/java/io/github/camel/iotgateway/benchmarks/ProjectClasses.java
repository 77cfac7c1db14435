package io.github.camel.iotgateway.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads every class of the project's own jars before measuring. The benchmark runs against the snapshots in the local
 * repository, which other builds re-install while it runs; a class first needed after its jar was rewritten then fails
 * with NoClassDefFoundError deep inside a reply, and that exchange never ends.
 */
final class ProjectClasses {

    private static final String PACKAGE_PATH = "io/github/camel/iotgateway/";

    private ProjectClasses() {
    }

    /** @return how many classes were loaded */
    static int loadAll() {
        int loaded = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("io" + File.separator + "github" + File.separator + "camel")) {
                loaded += loadFrom(entry);
            }
        }
        return loaded;
    }

    private static int loadFrom(String jar) {
        int loaded = 0;
        try (JarFile file = new JarFile(jar)) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                            ProjectClasses.class.getClassLoader());
                    loaded++;
                }
            }
        } catch (IOException | ClassNotFoundException | LinkageError e) {
            Progress.log("could not preload the classes of %s: %s", jar, e);
        }
        return loaded;
    }
}
