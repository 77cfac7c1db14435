package io.github.camel.iotgateway.alink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.alink.error.AlinkNoSessionException;
import io.github.camel.iotgateway.protocol.alink.AlinkCodes;
import io.github.camel.iotgateway.protocol.alink.SessionOperation;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogoutBatchingTest extends AlinkTestSupport {

    private List<CompletableFuture<Exchange>> logoutConcurrently(String uri, List<SubDeviceId> devices) {
        List<CompletableFuture<Exchange>> results = new ArrayList<>();
        for (SubDeviceId device : devices) {
            results.add(template.asyncSend(uri, e -> e.getMessage().setBody(device)));
        }
        return results;
    }

    private static Exchange await(CompletableFuture<Exchange> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aLoneLogoutFindsTheWireQuietAndGoesAtOnceWithoutWaitingOutBatchTimeout() throws Exception {
        platform.setOnline(SUB_PK, "lone-01");
        long began = System.nanoTime();

        Exchange done = template.send("alink-session:logout?batchTimeout=10000",
                e -> e.getMessage().setBody(new SubDeviceId(SUB_PK, "lone-01")));

        assertThat(done.getException()).isNull();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - began)).as("did not wait out the 10 s batchTimeout")
                .isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(messagesSeen(SessionOperation.LOGOUT)).isEqualTo(1);
        assertThat(messagesSeen(SessionOperation.BATCH_LOGOUT)).isZero();
    }

    @Test
    void hundredTwentyConcurrentSingleLogoutsGoOutInAFewBatchLogoutsAndEachGetsItsOwnResult() throws Exception {
        List<SubDeviceId> devices = devices("s", 120);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));

        List<CompletableFuture<Exchange>> results = logoutConcurrently("alink-session:logout?batchTimeout=200", devices);

        for (int i = 0; i < devices.size(); i++) {
            Exchange done = await(results.get(i));
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody()).isEqualTo(devices.get(i));
            assertThat(done.getMessage().getHeader(AlinkSessionConstants.CODE)).isEqualTo(200);
            assertThat(done.getMessage().getHeader(AlinkSessionConstants.REQUEST_ID, String.class)).matches("\\d+");
        }
        // the first finds the wire quiet and goes alone; the others gather while requests are on the wire, into full
        // batches of 50 and whatever gathered when the wire went quiet
        assertThat(messagesSeen(SessionOperation.BATCH_LOGOUT)).isBetween(2L, 6L);
        assertThat(messagesSeen(SessionOperation.LOGOUT)).isBetween(1L, 4L);
        assertThat(platform.onlineCount()).isZero();
        assertThat(qosSeen(SessionOperation.BATCH_LOGOUT)).containsOnly(0);
    }

    @Test
    void aSubDeviceWithNoSessionInsideABatchFailsOnlyItsOwnExchange() throws Exception {
        List<SubDeviceId> devices = devices("n", 50);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));
        SubDeviceId offline = new SubDeviceId(SUB_PK, "never-online");
        List<SubDeviceId> all = new ArrayList<>(devices);
        all.add(25, offline);

        List<CompletableFuture<Exchange>> results = logoutConcurrently("alink-session:logout?batchTimeout=200", all);

        for (int i = 0; i < all.size(); i++) {
            Exchange done = await(results.get(i));
            if (all.get(i).equals(offline)) {
                assertThat(done.getException()).isInstanceOf(AlinkNoSessionException.class);
                AlinkNoSessionException e = (AlinkNoSessionException) done.getException();
                assertThat(e.getCode()).isEqualTo(AlinkCodes.DEVICE_NO_SESSION);
                assertThat(e.getSubDevices()).containsExactly(offline);
                assertThat(e.getRequestId()).matches("\\d+");
                assertThat(e.getMessage()).contains("520").contains("never-online");
            } else {
                assertThat(done.getException()).as("exchange of %s", all.get(i)).isNull();
                assertThat(done.getMessage().getBody()).isEqualTo(all.get(i));
            }
        }
        assertThat(platform.onlineCount()).isZero();
    }

    @Test
    void withBatchingOffEachExchangeIsOneLogoutMessage() throws Exception {
        List<SubDeviceId> devices = devices("u", 20);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));

        List<CompletableFuture<Exchange>> rs = logoutConcurrently("alink-session:logout?batching=false", devices);
        for (CompletableFuture<Exchange> f : rs) {
            assertThat(await(f).getException()).isNull();
        }
        assertThat(messagesSeen(SessionOperation.LOGOUT)).isEqualTo(20);
        assertThat(messagesSeen(SessionOperation.BATCH_LOGOUT)).isZero();
    }

    @Test
    void aMisbehavingPlatformStillEndsEveryExchangeOnceWithItsOwnResult() throws Exception {
        platform.setDuplicateReplies(true);
        platform.setReorderReplies(true);
        platform.setUnsolicitedReplies(true);
        List<SubDeviceId> devices = devices("m", 200);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));
        // a few with no session, spread over the batches
        List<SubDeviceId> all = new ArrayList<>(devices);
        List<SubDeviceId> offline = List.of(new SubDeviceId(SUB_PK, "off-1"), new SubDeviceId(SUB_PK, "off-2"));
        all.add(10, offline.get(0));
        all.add(150, offline.get(1));

        List<CompletableFuture<Exchange>> results = new ArrayList<>(logoutConcurrently("alink-session:logout", all.subList(0, 100)));
        results.addAll(logoutConcurrently("alink-session:logout?batching=false", all.subList(100, all.size())));

        for (int i = 0; i < all.size(); i++) {
            Exchange done = await(results.get(i));
            if (offline.contains(all.get(i))) {
                assertThat(done.getException()).isInstanceOf(AlinkNoSessionException.class);
            } else {
                assertThat(done.getException()).as("exchange of %s", all.get(i)).isNull();
                assertThat(done.getMessage().getBody()).isEqualTo(all.get(i));
            }
        }
        AlinkSessionComponent component = context.getComponent("alink-session", AlinkSessionComponent.class);
        assertThat(component.gatewayCount()).as("both endpoints share the gateway's one connection").isEqualTo(1);
    }

    @Test
    void twoThousandExchangesInFlightAtOnceAllEndWithTheirOwnResult() throws Exception {
        List<SubDeviceId> devices = devices("k", 2000);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));
        List<SubDeviceId> withRepeat = new ArrayList<>(devices);
        withRepeat.add(8, devices.get(7));

        List<CompletableFuture<Exchange>> results = logoutConcurrently("alink-session:logout", withRepeat);

        long failures = 0;
        for (int i = 0; i < withRepeat.size(); i++) {
            Exchange done = await(results.get(i));
            if (done.getException() != null) {
                failures++;
                // the second logout of the same sub-device: by then it has no session
                assertThat(done.getException()).isInstanceOf(AlinkNoSessionException.class);
                assertThat(((AlinkNoSessionException) done.getException()).getSubDevices()).containsExactly(devices.get(7));
            } else {
                assertThat(done.getMessage().getBody()).isEqualTo(withRepeat.get(i));
            }
        }
        assertThat(failures).isEqualTo(1);
        assertThat(platform.onlineCount()).isZero();
        assertThat(messagesSeen(SessionOperation.BATCH_LOGOUT) + messagesSeen(SessionOperation.LOGOUT))
                .isLessThanOrEqualTo(2000 / 50 + 10);
    }

    @Test
    void batchLogoutOfAListSendsChunksOfBatchSizeAndReturnsAllSubDevices() throws Exception {
        List<SubDeviceId> devices = devices("b", 75);
        devices.forEach(d -> platform.setOnline(d.productKey(), d.deviceName()));

        Exchange done = template.send("alink-session:batchLogout", e -> e.getMessage().setBody(devices));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody()).isEqualTo(devices);
        assertThat(done.getMessage().getHeader(AlinkSessionConstants.REQUEST_ID, String.class)).matches("\\d+,\\d+");
        assertThat(messagesSeen(SessionOperation.BATCH_LOGOUT)).isEqualTo(2);
        assertThat(platform.onlineCount()).isZero();
    }
}
