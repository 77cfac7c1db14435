package io.github.camel.iotgateway.alink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkRateLimitException;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.simulator.AlinkPlatformSimulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request the platform throttles (429) is sent again after a pause, a bounded number of times, as a whole: never
 * narrowed down device by device. Here the component's own pace is off and the platform takes one login a second.
 */
class ThrottledRetryTest extends AlinkTestSupport {

    private static final String SECRET = "subSecretExample0001";

    @Override
    protected AlinkPlatformSimulator.Builder configure(AlinkPlatformSimulator.Builder platform) {
        return platform.loginThrottles(1, 0);
    }

    @Override
    protected void configure(AlinkSessionConfiguration configuration) {
        super.configure(configuration);
        configuration.setMaxLoginsPerSecond(0);
        configuration.setMaxLoginsPerSubDevicePerMinute(0);
        configuration.setRateLimitRetries(2);
        configuration.setRequestTimeout(10_000);
    }

    @Test
    void aThrottledLoginIsSentAgainAfterAPauseAndSucceeds() throws Exception {
        platform.registerSubDevice(SUB_PK, "first", SECRET);
        platform.registerSubDevice(SUB_PK, "second", SECRET);

        CompletableFuture<Exchange> first = template.asyncSend("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "first", SECRET)));
        CompletableFuture<Exchange> second = template.asyncSend("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "second", SECRET)));

        assertThat(first.get(10, TimeUnit.SECONDS).getException()).isNull();
        assertThat(second.get(10, TimeUnit.SECONDS).getException()).isNull();
        assertThat(platform.onlineCount()).isEqualTo(2);
        assertThat(platform.requestCount(SessionOperation.LOGIN)).as("one of them twice").isEqualTo(3);
        assertThat(platform.violations()).singleElement().asString().contains("429");
        platform.resetCounters();
    }

    @Test
    void retriesAreBoundedAndTheLast429IsTheOutcome() throws Exception {
        // the platform now takes one login a minute per sub-device, and the component's own budget is off
        platform.setLoginThrottles(0, 1);
        platform.registerSubDevice(SUB_PK, "once", SECRET);
        Exchange first = template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "once", SECRET)));
        assertThat(first.getException()).isNull();

        long began = System.nanoTime();
        Exchange again = template.send("alink-session:login?batching=false",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "once", SECRET)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(again.getException()).isInstanceOf(AlinkRateLimitException.class);
        assertThat(platform.requestCount(SessionOperation.LOGIN)).as("1, then 1 + 2 retries").isEqualTo(4);
        assertThat(tookMillis).as("pauses of 1 s and 2 s").isBetween(3000L, 8000L);
        platform.resetCounters();
    }

    @Test
    void aThrottledRequestGoesAgainOnlyWhileItsRequestTimeoutLeavesRoomForThePause() throws Exception {
        platform.setLoginThrottles(0, 1);
        platform.registerSubDevice(SUB_PK, "tight", SECRET);
        String uri = "alink-session:login?batching=false&requestTimeout=1500";
        assertThat(template.send(uri, e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "tight", SECRET)))
                .getException()).isNull();

        long began = System.nanoTime();
        Exchange again = template.send(uri, e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "tight", SECRET)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(again.getException()).isInstanceOf(AlinkRateLimitException.class);
        // the 1 s pause fits in 1.5 s, the 2 s one after it does not: it ends with the second 429, not 2 s later
        assertThat(platform.requestCount(SessionOperation.LOGIN)).as("1, then 1 + 1 retry").isEqualTo(3);
        assertThat(tookMillis).isBetween(1000L, 2900L);
        platform.resetCounters();
    }
}
