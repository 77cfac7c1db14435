package io.github.camel.iotgateway.huawei;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata;
import io.github.camel.iotgateway.mqtt.docs.DocBlock;
import io.github.camel.iotgateway.mqtt.docs.DocBlocks;
import io.github.camel.iotgateway.mqtt.docs.SnippetRoutes;

/** Where huaweiiot's docs are, and their snippets: those of the .adoc and the README's that name huaweiiot. */
final class HuaweiDocs {

    /** The module: surefire sets basedir; elsewhere the working directory is taken for it. */
    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path ADOC = MODULE.resolve("src/main/docs/huaweiiot-component.adoc");
    static final Path README = MODULE.resolve("../README.md").normalize();

    /** The options that name the cloud's broker and the gateway: the tests' component sets them instead. */
    private static final Set<String> CLOUD_OPTIONS = Set.of("brokerUrl", "gatewayDeviceId", "clientId",
            "checkTimestamp", "sslContextParameters", "trustedCertificates");

    private HuaweiDocs() {
    }

    static ComponentMetadata metadata() {
        try {
            return ComponentMetadata.of(HuaweiIotComponent.class, HuaweiIotComponent.SCHEME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SnippetRoutes snippetRoutes() {
        return new SnippetRoutes(metadata(), CLOUD_OPTIONS);
    }

    /** The .adoc's blocks in {@code language}, then the README's that name the component. */
    static List<DocBlock> snippets(String language) {
        try {
            return Stream.concat(DocBlocks.in(ADOC, language).stream(),
                    DocBlocks.in(README, language).stream().filter(b -> b.mentions(HuaweiIotComponent.SCHEME)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .adoc's YAML snippet whose route comes from {@code fromUri} (written without quotes there). */
    static DocBlock adocYamlFrom(String fromUri) throws IOException {
        return DocBlocks.in(ADOC, "yaml").stream().filter(b -> b.mentions("uri: " + fromUri + "\n")).findFirst()
                .orElseThrow(() -> new AssertionError(ADOC.getFileName() + " has no YAML route from " + fromUri));
    }
}
