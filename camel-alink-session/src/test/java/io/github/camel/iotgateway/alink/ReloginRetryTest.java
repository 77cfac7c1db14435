package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a broker restart the platform's side may be back a moment after the gateway, and the gateway's first re-login
 * finds nobody to answer it: an unanswered re-login goes again (after 1, 2 and 4 s) rather than leaving the
 * sub-devices offline until the next reconnect.
 */
class ReloginRetryTest extends AlinkTestSupport {

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(1500);
        configuration.setMaxReconnectDelay(500);
    }

    @Test
    void aReloginThatGotNoReplyGoesAgainUntilThePlatformAnswers() throws Exception {
        List<SubDevice> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = String.format("retry-%02d", i);
            platform.registerSubDevice(SUB_PK, name, "secret-" + i);
            held.add(SubDevice.withSecret(SUB_PK, name, "secret-" + i));
        }
        assertThat(template.send("alink-session:batchLogin", e -> e.getMessage().setBody(held)).getException()).isNull();

        platform.setSilent(true);
        long loginsBefore = platform.requestCount(SessionOperation.BATCH_LOGIN);
        embeddedBroker().restart();
        // the platform takes a gateway's sub-devices offline when the gateway goes
        held.forEach(d -> platform.setOffline(d.productKey(), d.deviceName()));
        // the gateway is back and its re-login reached a platform that did not answer; as if it had never arrived,
        // the sub-devices stay offline
        await().atMost(15, TimeUnit.SECONDS)
                .until(() -> platform.requestCount(SessionOperation.BATCH_LOGIN) > loginsBefore);
        held.forEach(d -> platform.setOffline(d.productKey(), d.deviceName()));
        platform.setSilent(false);

        await().atMost(15, TimeUnit.SECONDS).until(() -> held.stream()
                .allMatch(d -> platform.isOnline(d.productKey(), d.deviceName())));
        assertThat(platform.requestCount(SessionOperation.BATCH_LOGIN)).as("re-logins sent")
                .isGreaterThanOrEqualTo(loginsBefore + 2);
    }
}
