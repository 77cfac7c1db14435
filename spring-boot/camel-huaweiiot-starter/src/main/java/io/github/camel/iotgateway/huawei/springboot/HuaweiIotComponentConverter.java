package io.github.camel.iotgateway.huawei.springboot;

import org.apache.camel.cluster.CamelClusterService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camel.iotgateway.huawei.HuaweiIotConfiguration;
import io.github.camel.iotgateway.mqtt.client.MqttClientFactory;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Binds an object option written as a bean reference, {@code #bean:name} or {@code #name} (e.g.
 * {@code camel.component.huaweiiot.state-repository=#bean:childListVersions}), to that bean of the Spring context,
 * as Camel's own starters do.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class HuaweiIotComponentConverter implements GenericConverter {

    private static final List<Class<?>> OBJECT_OPTIONS = List.of(HuaweiIotConfiguration.class,
            MqttClientFactory.class, SSLContextParameters.class, StateRepository.class, CamelClusterService.class);
    private static final String BEAN_PREFIX = "#bean:";

    private final ApplicationContext applicationContext;

    public HuaweiIotComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        OBJECT_OPTIONS.forEach(type -> pairs.add(new ConvertiblePair(String.class, type)));
        return pairs;
    }

    /** The bean the value names; a value that is no reference fails the binding, naming the property. */
    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("a " + targetType.getType().getSimpleName()
                                               + " option takes a bean of the Spring context: #bean:name or #name");
        }
        String name = ref.startsWith(BEAN_PREFIX) ? ref.substring(BEAN_PREFIX.length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
