package io.github.camel.iotgateway.kamelets;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.tooling.maven.MavenArtifact;
import org.apache.camel.tooling.maven.MavenDownloaderImpl;

/**
 * The classpath of the {@code camel} command: camel-jbang-core and everything it depends on, resolved the way Camel
 * JBang resolves {@code --dep}s (Camel's own Maven downloader), from the local repository of {@code maven.repo.local}
 * or else Maven Central.
 */
final class JBangClasspath {

    static final String CAMEL_JBANG_CORE = "org.apache.camel:camel-jbang-core:4.17.0";

    private JBangClasspath() {
    }

    static String resolve() throws Exception {
        MavenDownloaderImpl downloader = new MavenDownloaderImpl();
        // SNAPSHOTs of Apache's own repository are not wanted, and not reachable from every machine
        downloader.setMavenApacheSnapshotEnabled(false);
        downloader.build();
        try {
            List<MavenArtifact> artifacts = downloader.resolveArtifacts(List.of(CAMEL_JBANG_CORE), Set.of(), true,
                    false);
            return artifacts.stream().map(MavenArtifact::getFile).map(File::getAbsolutePath)
                    .filter(path -> path.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        } finally {
            downloader.stop();
        }
    }
}
