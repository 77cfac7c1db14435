package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkRateLimitException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway keeps to the platform's throttles on bringing sub-devices online: login requests a second (here 100, to
 * keep the test short; the platform's is 200) and 5 logins a minute per sub-device. The simulator answers 429 and
 * records a violation past either, so a request sent early fails the test.
 */
class LoginPaceTest extends AlinkTestSupport {

    private static final int CAP = 100;
    private static final String SECRET = "subSecretExample0001";

    @Override
    protected AlinkPlatformSimulator.Builder configure(AlinkPlatformSimulator.Builder platform) {
        return platform.loginThrottles(CAP, 5);
    }

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setMaxLoginsPerSecond(CAP);
        configuration.setRequestTimeout(10_000);
    }

    @Test
    void threeHundredUnbatchedLoginsWaitTheirTurnAndNoneIsThrottled() throws Exception {
        List<SubDeviceId> devices = devices("paced", 300);
        devices.forEach(d -> platform.registerSubDevice(d.productKey(), d.deviceName(), SECRET));
        long began = System.nanoTime();
        List<CompletableFuture<Exchange>> logins = new ArrayList<>();
        for (SubDeviceId d : devices) {
            logins.add(template.asyncSend("alink-session:login?batching=false",
                    e -> e.getMessage().setBody(SubDevice.withSecret(d.productKey(), d.deviceName(), SECRET))));
        }
        for (CompletableFuture<Exchange> login : logins) {
            assertThat(login.get(20, TimeUnit.SECONDS).getException()).isNull();
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(messagesSeen(SessionOperation.LOGIN)).isEqualTo(300);
        assertThat(platform.onlineCount()).isEqualTo(300);
        assertThat(tookMillis).as("300 at 100 a second need two more windows").isGreaterThan(2000);
        // and platformSawNoProtocolViolation (after each test) finds no 429
    }

    @Test
    void aSixthLoginOfOneSubDeviceWithinAMinuteFailsBeforeItIsPublished() {
        SubDeviceId device = new SubDeviceId(SUB_PK, "often");
        platform.registerSubDevice(SUB_PK, "often", SECRET);
        for (int i = 0; i < 5; i++) {
            Exchange login = template.send("alink-session:login?batching=false",
                    e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "often", SECRET)));
            assertThat(login.getException()).as("login " + (i + 1)).isNull();
        }

        Exchange sixth = template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "often", SECRET)));

        assertThat(sixth.getException()).isInstanceOf(AlinkRateLimitException.class)
                .hasMessageContaining(device.toString()).hasMessageContaining("Nothing was published");
        assertThat(messagesSeen(SessionOperation.LOGIN)).isEqualTo(5);
    }
}
