package io.github.camel.iotgateway.mqtt;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.SensitiveUtils;

/**
 * Makes Camel mask the values of a component's options marked secret wherever it masks a password. Camel judges a
 * value sensitive by the option's name alone, never by the option metadata's {@code secret = true}: camel-main's
 * startup "Auto-configuration summary" prints {@code camel.component.<scheme>.<option> = <value>} at INFO and writes
 * {@code xxxxxx} instead only when {@code CamelContextHelper.containsSensitive} holds for the option name
 * (camel-main 4.17.0 {@code BaseMainSupport.autoconfigure} -> {@code MainHelper.sensitiveAwareLogging}), that is when
 * the name is in {@link SensitiveUtils}' fixed list (password, username, clientid, secret, ...) or in the context's
 * {@code additionalSensitiveKeywords}. A name such as gatewayDeviceSecret is in neither, so its value was printed.
 * The names of the secret options that the list lacks are added to the context's additionalSensitiveKeywords,
 * keeping whatever is there already (camel-main sets the user's {@code camel.main.additionalSensitiveKeywords} before
 * it creates the components it configures). The same keywords also mask URIs and the Log EIP's masked output.
 */
public final class SecretOptions {

    private SecretOptions() {
    }

    /**
     * The option names of the fields marked {@code @UriParam(secret = true)} or {@code @Metadata(secret = true)} in
     * these classes and their superclasses.
     */
    public static List<String> namesIn(Class<?>... optionClasses) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : optionClasses) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    UriParam param = field.getAnnotation(UriParam.class);
                    Metadata metadata = field.getAnnotation(Metadata.class);
                    if (param != null && param.secret() || metadata != null && metadata.secret()) {
                        names.add(param != null && !param.name().isEmpty() ? param.name() : field.getName());
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** Adds the secret option names of these classes that Camel does not already hold sensitive to the context's. */
    public static void maskIn(CamelContext context, Class<?>... optionClasses) {
        List<String> missing = new ArrayList<>();
        for (String name : namesIn(optionClasses)) {
            if (!SensitiveUtils.containsSensitive(name)) {
                missing.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        ExtendedCamelContext extension = context.getCamelContextExtension();
        // two components may join one context at once: a keyword must not be lost between the read and the write
        synchronized (extension) {
            Set<String> keywords = new LinkedHashSet<>();
            String existing = extension.getAdditionalSensitiveKeywords();
            if (existing != null) {
                for (String keyword : existing.split(",")) {
                    if (!keyword.isBlank()) {
                        keywords.add(keyword.trim());
                    }
                }
            }
            boolean added = false;
            for (String name : missing) {
                if (keywords.stream().noneMatch(name::equalsIgnoreCase)) {
                    keywords.add(name);
                    added = true;
                }
            }
            if (added) {
                extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
            }
        }
    }
}
