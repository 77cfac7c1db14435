package io.github.camel.iotgateway.alink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.camel.iotgateway.mqtt.GatewayException;
import io.github.camel.iotgateway.mqtt.docs.CompiledExceptions;
import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata;
import io.github.camel.iotgateway.mqtt.docs.ExceptionTables;
import io.github.camel.iotgateway.mqtt.docs.GeneratedSections;
import io.github.camel.iotgateway.mqtt.docs.HeadersTable;
import io.github.camel.iotgateway.mqtt.docs.OptionsTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables of alink-session-component.adoc cannot drift: the options and headers are generated from the component's
 * metadata (rewritten here, failing the build until the new text is committed), and the errors table must name every
 * public exception of the component and of the core.
 */
class DocTablesTest {

    @Test
    void theOptionAndHeaderTablesAreTheComponentsMetadata() throws Exception {
        ComponentMetadata metadata = AlinkDocs.metadata();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("options", OptionsTable.render(metadata));
        sections.put("headers", HeadersTable.render(metadata));

        GeneratedSections.update(AlinkDocs.ADOC, metadata.resource(), sections);
    }

    @Test
    void theErrorsTableNamesEveryExceptionAnExchangeCanEndWithAndNoOther() throws Exception {
        SortedSet<String> exceptions = exceptions();
        SortedSet<String> documented = ExceptionTables.names(AlinkDocs.ADOC);

        assertThat(documented).as("exceptions missing from the errors table of %s", AlinkDocs.ADOC.getFileName())
                .containsAll(exceptions);
        assertThat(exceptions).as("rows of the errors table naming no exception of the component or the core")
                .containsAll(documented);
    }

    @Test
    void theReadmeNamesOnlyExceptionsThatExist() throws Exception {
        SortedSet<String> known = exceptions();
        SortedSet<String> readme = ExceptionTables.namesInSection(AlinkDocs.README, "## alink-session");

        assertThat(readme).isNotEmpty();
        assertThat(known).as("exceptions the README names").containsAll(readme);
    }

    /** The component's public exceptions and the core's, as compiled. */
    private static SortedSet<String> exceptions() throws Exception {
        SortedSet<String> exceptions = new TreeSet<>(
                CompiledExceptions.publicIn(AlinkSessionComponent.class, "io.github.camel.iotgateway.alink").keySet());
        exceptions.addAll(CompiledExceptions.publicIn(GatewayException.class, "io.github.camel.iotgateway.mqtt").keySet());
        return exceptions;
    }
}
