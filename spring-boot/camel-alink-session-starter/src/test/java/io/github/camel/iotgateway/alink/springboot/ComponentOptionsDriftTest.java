package io.github.camel.iotgateway.alink.springboot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camel.iotgateway.alink.AlinkSessionComponent;
import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata;
import org.apache.camel.util.StringHelper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties and the component's options are one list: every option in the component's JSON metadata
 * (as its jar ships it) is a {@code camel.component.alink-session.*} property of the starter's configuration metadata,
 * with the option's description, type and default, and the starter has no property the component lacks but its own
 * switches. An option added to, renamed in or removed from the component fails here until the starter follows.
 */
class ComponentOptionsDriftTest {

    private static final String PREFIX = "camel.component.alink-session.";
    /** The auto-configuration's own switches, which no component has. */
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled", "customizer.enabled");
    private static final Map<String, String> BOXED = Map.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer",
            "long", "java.lang.Long");

    private static ComponentMetadata component;
    private static StarterMetadata starter;

    @BeforeAll
    static void readBoth() throws Exception {
        component = ComponentMetadata.of(AlinkSessionComponent.class, "alink-session");
        starter = StarterMetadata.of(AlinkSessionComponentConfiguration.class);
    }

    @Test
    void bothListsAreThere() {
        // an empty pair would agree: the component has its gateway, session and MQTT options
        assertThat(component.componentOptions()).containsKeys("brokerUrl", "gatewayDeviceSecret", "maxLoginsPerSecond")
                .hasSizeGreaterThan(30);
        assertThat(starter.properties()).hasSizeGreaterThan(30);
    }

    @Test
    void everyOptionOfTheComponentIsAPropertyOfTheStarter() {
        assertThat(starterOptionNames()).containsAll(component.componentOptions().keySet());
    }

    @Test
    void everyPropertyOfTheStarterIsAnOptionOfTheComponentOrOneOfItsSwitches() {
        assertThat(component.componentOptions().keySet()).containsAll(starterOptionNames());
        assertThat(starter.properties()).containsKeys(PREFIX + "enabled", PREFIX + "customizer.enabled");
    }

    @Test
    void eachPropertyHasTheOptionsDescriptionTypeAndDefault() {
        SoftAssertions softly = new SoftAssertions();
        component.componentOptions().values().forEach(option -> {
            StarterMetadata.Property property = starter.properties().get(PREFIX + StringHelper.camelCaseToDash(option.name()));
            if (property == null) {
                return; // everyOptionOfTheComponentIsAPropertyOfTheStarter names it
            }
            softly.assertThat(property.description()).as("description of %s", property.name())
                    .startsWith(option.description());
            softly.assertThat(property.type()).as("type of %s", property.name())
                    .isEqualTo(BOXED.getOrDefault(option.javaType(), option.javaType()).replace(" ", ""));
            softly.assertThat(property.defaultValue()).as("default of %s", property.name()).isEqualTo(option.defaultValue());
        });
        softly.assertAll();
    }

    @Test
    void eachOptionWithValuesToChooseFromHintsThemAndNoOtherHasHints() {
        Map<String, List<String>> enums = component.componentOptions().values().stream()
                .filter(o -> !o.enums().isEmpty())
                .collect(Collectors.toMap(o -> PREFIX + StringHelper.camelCaseToDash(o.name()), o -> o.enums()));

        assertThat(enums).isNotEmpty();
        assertThat(starter.hints()).isEqualTo(enums);
    }

    @Test
    void theSwitchesSayWhatTheyTurnOff() {
        assertThat(starter.properties().get(PREFIX + "enabled").description())
                .isEqualTo("Whether to enable auto configuration of the alink-session component. This is enabled by default.");
    }

    /** The starter's properties under the prefix, as the component's camelCase option names. */
    private static Set<String> starterOptionNames() {
        return starter.properties().keySet().stream().filter(name -> name.startsWith(PREFIX))
                .map(name -> name.substring(PREFIX.length())).filter(name -> !STARTER_SWITCHES.contains(name))
                .map(StringHelper::dashToCamelCase).collect(Collectors.toCollection(TreeSet::new));
    }
}
