package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkInvalidSignException;
import io.github.camel.iotgateway.alink.error.AlinkOnlineLimitException;
import io.github.camel.iotgateway.alink.error.AlinkSubDeviceUnavailableException;
import io.github.camel.iotgateway.protocol.alink.AlinkSigner;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTest extends AlinkTestSupport {

    @Override
    protected int maxOnlineSubDevices() {
        return 100;
    }

    private SubDevice registered(String name) {
        String secret = "secret-of-" + name;
        platform.registerSubDevice(SUB_PK, name, secret);
        return SubDevice.withSecret(SUB_PK, name, secret);
    }

    @Test
    void aLoginSignedWithTheDeviceSecretBringsTheSubDeviceOnline() {
        SubDevice device = registered("sensor-01");

        Exchange done = template.send("alink-session:login?batching=false", e -> e.getMessage().setBody(device));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(new SubDeviceId(SUB_PK, "sensor-01"));
        assertThat(done.getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200);
        assertThat(platform.isOnline(SUB_PK, "sensor-01")).isTrue();
        assertThat(messagesSeen(SessionOperation.LOGIN)).isEqualTo(1);
    }

    @Test
    void everySignMethodIsAcceptedAndAMapOrJsonBodyWorks() {
        registered("sensor-md5");
        registered("sensor-sha1");
        registered("sensor-json");
        Exchange md5 = template.send("alink-session:login?batching=false&signMethod=hmacMd5",
                e -> e.getMessage().setBody(Map.of("productKey", SUB_PK, "deviceName", "sensor-md5",
                        "deviceSecret", "secret-of-sensor-md5")));
        Exchange sha1 = template.send("alink-session:login?batching=false&signMethod=hmacSha1",
                e -> e.getMessage().setBody(Map.of("productKey", SUB_PK, "deviceName", "sensor-sha1",
                        "deviceSecret", "secret-of-sensor-sha1")));
        Exchange json = template.send("alink-session:login?batching=false", e -> e.getMessage().setBody(
                "{\"productKey\":\"" + SUB_PK + "\",\"deviceName\":\"sensor-json\",\"deviceSecret\":\"secret-of-sensor-json\"}"));
        assertThat(md5.getException()).isNull();
        assertThat(sha1.getException()).isNull();
        assertThat(json.getException()).isNull();
        assertThat(platform.onlineCount()).isEqualTo(3);
    }

    @Test
    void aReadySignIsSentAsGiven() {
        registered("sensor-ready");
        String sign = AlinkSigner.loginSign(SignMethod.HMAC_SHA1, "secret-of-sensor-ready", "my-client", "sensor-ready",
                SUB_PK, "1700000000000");
        SubDevice device = SubDevice.withSign(SUB_PK, "sensor-ready", sign, SignMethod.HMAC_SHA1, "1700000000000",
                "my-client");

        Exchange done = template.send("alink-session:login", e -> e.getMessage().setBody(device));

        assertThat(done.getException()).isNull();
        assertThat(platform.isOnline(SUB_PK, "sensor-ready")).isTrue();
    }

    @Test
    void aWrongSecretFailsWithInvalidSign6287() {
        registered("sensor-02");

        Exchange done = template.send("alink-session:login",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "sensor-02", "not-the-secret")));

        assertThat(done.getException()).isInstanceOf(AlinkInvalidSignException.class);
        AlinkInvalidSignException e = (AlinkInvalidSignException) done.getException();
        assertThat(e.getCode()).isEqualTo(6287);
        assertThat(e.getMessage()).doesNotContain("not-the-secret");
        assertThat(platform.isOnline(SUB_PK, "sensor-02")).isFalse();
    }

    @Test
    void aSubDeviceUnknownToThePlatformFailsWith6100() {
        Exchange done = template.send("alink-session:login",
                e -> e.getMessage().setBody(SubDevice.withSecret(SUB_PK, "nobody-knows", "x")));
        assertThat(done.getException()).isInstanceOf(AlinkSubDeviceUnavailableException.class);
        assertThat(((AlinkSubDeviceUnavailableException) done.getException()).getCode()).isEqualTo(6100);
    }

    @Test
    void batchLoginOfSeventyFiveGoesOutAsFiftyAndTwentyFive() {
        List<SubDevice> devices = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            devices.add(registered("bulk-" + i));
        }

        Exchange done = template.send("alink-session:batchLogin", e -> e.getMessage().setBody(devices));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(List.class)).hasSize(75);
        assertThat(messagesSeen(SessionOperation.BATCH_LOGIN)).isEqualTo(2);
        assertThat(platform.onlineCount()).isEqualTo(75);
    }

    @Test
    void concurrentSingleLoginsAreBatchedAndABadSignFailsOnlyItsOwnExchange() throws Exception {
        List<SubDevice> devices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            devices.add(registered("conc-" + i));
        }
        platform.registerSubDevice(SUB_PK, "c-bad", "right-secret");
        devices.add(17, SubDevice.withSecret(SUB_PK, "c-bad", "wrong-secret"));

        List<CompletableFuture<Exchange>> results = new ArrayList<>();
        for (SubDevice d : devices) {
            results.add(template.asyncSend("alink-session:login?batchTimeout=200", e -> e.getMessage().setBody(d)));
        }
        for (int i = 0; i < devices.size(); i++) {
            Exchange done = results.get(i).get(30, TimeUnit.SECONDS);
            if (devices.get(i).deviceName().equals("c-bad")) {
                assertThat(done.getException()).isInstanceOf(AlinkInvalidSignException.class);
            } else {
                assertThat(done.getException()).isNull();
            }
        }
        assertThat(platform.onlineCount()).isEqualTo(40);
        assertThat(messagesSeen(SessionOperation.BATCH_LOGIN)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aLoginOverTheOnlineCapFailsWithoutPublishing() {
        List<SubDevice> devices = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            devices.add(registered("cap-" + i));
        }
        assertThat(template.send("alink-session:batchLogin", e -> e.getMessage().setBody(devices)).getException()).isNull();
        SubDevice oneMore = registered("cap-extra");
        long before = messagesSeen(SessionOperation.LOGIN) + messagesSeen(SessionOperation.BATCH_LOGIN);

        Exchange done = template.send("alink-session:login", e -> e.getMessage().setBody(oneMore));

        assertThat(done.getException()).isInstanceOf(AlinkOnlineLimitException.class);
        AlinkOnlineLimitException e = (AlinkOnlineLimitException) done.getException();
        assertThat(e.getCode()).isEqualTo(428);
        assertThat(e.getRequestId()).isNull();
        assertThat(messagesSeen(SessionOperation.LOGIN) + messagesSeen(SessionOperation.BATCH_LOGIN)).isEqualTo(before);

        // logging one out frees a place
        assertThat(template.send("alink-session:logout", x -> x.getMessage().setBody(devices.get(0))).getException()).isNull();
        assertThat(template.send("alink-session:login", x -> x.getMessage().setBody(oneMore)).getException()).isNull();
    }
}
