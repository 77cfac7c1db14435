package io.github.camel.iotgateway.springboot.testsupport;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camel.iotgateway.mqtt.docs.ComponentMetadata;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.StringHelper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.converter.GenericConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties and the component's options are one list: every option in the component's JSON metadata
 * (as its jar ships it) is a {@code camel.component.<scheme>.*} property of the starter's configuration metadata, with
 * the option's description, type and default, and the starter has no property the component lacks but its own
 * switches; and the starter's converter takes a bean reference for each option whose value is an object. An option
 * added to, renamed in or removed from the component fails here until the starter follows. A starter's test names the
 * starter and a few options its component is known to have.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // both metadata files are read once for the class
public abstract class ComponentOptionsDriftTestSupport {

    /** The auto-configuration's own switches, which no component has. */
    private static final Set<String> STARTER_SWITCHES = Set.of("enabled", "customizer.enabled");
    private static final Map<String, String> BOXED = Map.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer",
            "long", "java.lang.Long");

    private final StarterUnderTest<?, ?> starterUnderTest;
    private final String prefix;
    private final String[] knownOptions;
    private ComponentMetadata component;
    private StarterMetadata starter;

    /**
     * @param knownOptions options the component has, so that two empty lists cannot agree
     */
    protected ComponentOptionsDriftTestSupport(StarterUnderTest<?, ?> starterUnderTest, String... knownOptions) {
        this.starterUnderTest = starterUnderTest;
        this.prefix = starterUnderTest.prefix();
        this.knownOptions = knownOptions;
    }

    @BeforeAll
    void readBoth() throws Exception {
        component = ComponentMetadata.of(starterUnderTest.componentType(), starterUnderTest.scheme());
        starter = StarterMetadata.of(starterUnderTest.properties());
    }

    @Test
    public void bothListsAreThere() {
        // an empty pair would agree: the component has its gateway, device and MQTT options
        assertThat(component.componentOptions()).containsKeys(knownOptions).hasSizeGreaterThan(30);
        assertThat(starter.properties()).hasSizeGreaterThan(30);
    }

    @Test
    public void everyOptionOfTheComponentIsAPropertyOfTheStarter() {
        assertThat(starterOptionNames()).containsAll(component.componentOptions().keySet());
    }

    @Test
    public void everyPropertyOfTheStarterIsAnOptionOfTheComponentOrOneOfItsSwitches() {
        assertThat(component.componentOptions().keySet()).containsAll(starterOptionNames());
        assertThat(starter.properties()).containsKeys(prefix + "enabled", prefix + "customizer.enabled");
    }

    @Test
    public void eachPropertyHasTheOptionsDescriptionTypeAndDefault() {
        SoftAssertions softly = new SoftAssertions();
        component.componentOptions().values().forEach(option -> {
            StarterMetadata.Property property = starter.properties().get(prefix + StringHelper.camelCaseToDash(option.name()));
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
    public void eachOptionWithValuesToChooseFromHintsThemAndNoOtherHasHints() {
        Map<String, List<String>> enums = component.componentOptions().values().stream()
                .filter(o -> !o.enums().isEmpty())
                .collect(Collectors.toMap(o -> prefix + StringHelper.camelCaseToDash(o.name()), o -> o.enums()));

        assertThat(enums).isNotEmpty();
        assertThat(starter.hints()).isEqualTo(enums);
    }

    @Test
    public void theSwitchesSayWhatTheyTurnOff() {
        assertThat(starter.properties().get(prefix + "enabled").description()).isEqualTo("Whether to enable auto "
                + "configuration of the " + starterUnderTest.scheme() + " component. This is enabled by default.");
    }

    @Test
    public void eachObjectOptionOfTheComponentTakesABeanReference() throws Exception {
        GenericConverter converter = (GenericConverter) starterUnderTest.converter()
                .getConstructor(ApplicationContext.class).newInstance((Object) null);
        Set<Class<?>> referable = converter.getConvertibleTypes().stream().filter(p -> p.getSourceType() == String.class)
                .map(GenericConverter.ConvertiblePair::getTargetType).collect(Collectors.toSet());
        Set<Class<?>> objectOptions = new HashSet<>();
        for (ComponentMetadata.Option option : component.componentOptions().values()) {
            // an option of a type of the JDK's is a value (String, Integer, ...); any other type is an object's
            if (option.javaType().contains(".") && !option.javaType().startsWith("java.")) {
                objectOptions.add(Class.forName(option.javaType().replaceAll("<.*", "")));
            }
        }

        assertThat(objectOptions).contains(starterUnderTest.defaultConfiguration().get().getClass(),
                SSLContextParameters.class);
        assertThat(referable).as("the types the starter's converter binds from #bean:name").containsAll(objectOptions);
    }

    /** The starter's properties under the prefix, as the component's camelCase option names. */
    private Set<String> starterOptionNames() {
        return starter.properties().keySet().stream().filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length())).filter(name -> !STARTER_SWITCHES.contains(name))
                .map(StringHelper::dashToCamelCase).collect(Collectors.toCollection(TreeSet::new));
    }
}
