package io.github.camel.iotgateway.mqtt;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretOptionsTest {

    static class Options {
        @UriParam(secret = true)
        private String gatewayDeviceSecret;
        @UriParam(secret = true)
        private String password;
        @UriParam(name = "signKey", secret = true)
        private String key;
        @UriParam
        private String brokerUrl;
    }

    static class MoreOptions extends Options {
        @Metadata(secret = true)
        private String tenantToken;
        @Metadata
        private String region;
    }

    @Test
    void theSecretOptionsAreTheFieldsMarkedSecretByUriParamOrMetadataUnderTheirOptionNames() {
        assertThat(SecretOptions.namesIn(MoreOptions.class))
                .containsExactlyInAnyOrder("tenantToken", "gatewayDeviceSecret", "password", "signKey");
    }

    @Test
    void camelHoldsEverySecretOptionSensitiveOnceAComponentJoinsTheContext() {
        CamelContext context = new DefaultCamelContext();
        assertThat(CamelContextHelper.containsSensitive(context, "camel.component.x.gatewayDeviceSecret")).isFalse();

        SecretOptions.maskIn(context, MoreOptions.class);

        for (String name : SecretOptions.namesIn(MoreOptions.class)) {
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.x." + name)).as(name).isTrue();
        }
        assertThat(CamelContextHelper.containsSensitive(context, "camel.component.x.brokerUrl")).isFalse();
        // password is on Camel's own list already: only what the list lacks is added
        assertThat(keywords(context)).containsExactlyInAnyOrder("tenanttoken", "gatewaydevicesecret", "signkey");
    }

    @Test
    void theUsersOwnKeywordsStayAndASecondComponentAddsNothingTwice() {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setAdditionalSensitiveKeywords("myApiSeal, gatewayDeviceSecret");

        SecretOptions.maskIn(context, Options.class);
        SecretOptions.maskIn(context, Options.class);

        assertThat(keywords(context)).containsExactlyInAnyOrder("myApiSeal", "gatewayDeviceSecret", "signkey");
        assertThat(CamelContextHelper.containsSensitive(context, "camel.component.x.myApiSeal")).isTrue();
    }

    private static String[] keywords(CamelContext context) {
        return context.getCamelContextExtension().getAdditionalSensitiveKeywords().split(",");
    }
}
