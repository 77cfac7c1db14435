package io.github.camel.iotgateway.protocol.alink;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlinkWireTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void topicsAreTheGatewaysSessionTopicsWithReplySuffix() {
        SessionTopics topics = new SessionTopics("a1GwPk00001", "gw-01");
        assertThat(topics.request(SessionOperation.BATCH_LOGOUT))
                .isEqualTo("/ext/session/a1GwPk00001/gw-01/combine/batch_logout");
        assertThat(topics.reply(SessionOperation.LOGIN)).isEqualTo("/ext/session/a1GwPk00001/gw-01/combine/login_reply");
        assertThat(topics.replies()).hasSize(4).allMatch(t -> t.endsWith("_reply"));
        assertThat(topics.operationOfReply("/ext/session/a1GwPk00001/gw-01/combine/batch_login_reply"))
                .isEqualTo(SessionOperation.BATCH_LOGIN);
    }

    @Test
    void gatewayIdentityWithTopicCharactersIsRefused() {
        for (String bad : List.of("a/b", "a+", "#", "x\0y", "")) {
            assertThatThrownBy(() -> new SessionTopics(bad, "gw-01")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gatewayProductKey");
        }
    }

    @Test
    void requestIsWrittenExactlyAsDocumented() {
        String json = new String(AlinkJson.request("123", SubDeviceId.class.cast(new SubDeviceId("al12345", "device1234"))),
                StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"id\":\"123\",\"params\":{\"productKey\":\"al12345\",\"deviceName\":\"device1234\"}}");
    }

    @Test
    void replyCodeIsReadAsNumberOrText_andIdAsTextOrNumber() {
        AlinkReply a = AlinkJson.readReply(utf8("{\"id\":\"123\",\"code\":200,\"message\":\"success\",\"data\":{}}"));
        AlinkReply b = AlinkJson.readReply(utf8("{\"id\":123,\"code\":\"520\",\"message\":\"device no session\"}"));
        assertThat(a.id()).isEqualTo("123");
        assertThat(a.isSuccess()).isTrue();
        assertThat(b.id()).isEqualTo("123");
        assertThat(b.code()).isEqualTo(520);
        assertThat(b.data()).isNull();
    }

    @Test
    void malformedRepliesAreTypedErrors() {
        for (String bad : List.of("not json", "[1,2]", "{\"code\":200}", "{\"id\":\"1\",\"code\":\"abc\"}", "{\"id\":{}}")) {
            assertThatThrownBy(() -> AlinkJson.readReply(utf8(bad)))
                    .isInstanceOf(AlinkJson.MalformedMessageException.class);
        }
    }

    @Test
    void batchReplyDataListsTheSubDevices() {
        AlinkReply r = AlinkJson.readReply(utf8("{\"id\":\"9\",\"code\":\"200\",\"data\":[{\"productKey\":\"pk\",\"deviceName\":\"d1\"},"
                                                 + "{\"deviceName\":\"d2\",\"productKey\":\"pk\"},{\"x\":1}]}"));
        assertThat(AlinkJson.subDevicesIn(r.data())).containsExactly(new SubDeviceId("pk", "d1"), new SubDeviceId("pk", "d2"));
    }

    @Test
    void idsAreDecimalStringsInRangeAndWrapToZero() {
        MessageIdSequence seq = new MessageIdSequence(AlinkLimits.MAX_MESSAGE_ID - 1);
        assertThat(seq.next()).isEqualTo("4294967294");
        assertThat(seq.next()).isEqualTo("4294967295");
        assertThat(seq.next()).isEqualTo("0");
        assertThat(seq.next()).isEqualTo("1");
    }

    @Test
    void aHundredThousandIdsAreUniqueAndStartAtARandomPoint() {
        MessageIdSequence seq = new MessageIdSequence();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = seq.next();
            long v = Long.parseLong(id);
            assertThat(v).isBetween(0L, AlinkLimits.MAX_MESSAGE_ID);
            assertThat(seen.add(id)).as("id %s repeated", id).isTrue();
        }
        // two sequences of two process lives do not both start near zero
        assertThat(new MessageIdSequence().next()).isNotEqualTo(new MessageIdSequence().next());
    }

    @Test
    void namesFollowAlibabasRules() {
        assertThat(new SubDeviceId("a1SubPk0001", "sensor-01@x.y:z_").validate()).isNotNull();
        assertThatThrownBy(() -> new SubDeviceId("a1Sub", "abc").validate()).hasMessageContaining("deviceName");
        assertThatThrownBy(() -> new SubDeviceId("a1Sub", "a".repeat(33)).validate()).hasMessageContaining("deviceName");
        assertThatThrownBy(() -> new SubDeviceId("a1-Sub", "abcd").validate()).hasMessageContaining("productKey");
        assertThatThrownBy(() -> new SubDeviceId("a1Sub", "ab/cd").validate()).hasMessageContaining("deviceName");
    }

    @Test
    void operationsAreNamedInUrisAndTopics() {
        assertThat(SessionOperation.fromName("batchLogout")).isEqualTo(SessionOperation.BATCH_LOGOUT);
        assertThat(SessionOperation.fromName("batch_login")).isEqualTo(SessionOperation.BATCH_LOGIN);
        assertThat(SessionOperation.LOGOUT.asBatch()).isEqualTo(SessionOperation.BATCH_LOGOUT);
        assertThatThrownBy(() -> SessionOperation.fromName("delete")).hasMessageContaining("login, logout");
    }

    /** docs/protocol-notes.md A.8: the documented topo/add request, field for field. */
    @Test
    void topologyAddIsWrittenAsDocumentedWithTheLowercaseSignmethod() throws Exception {
        TopologyAddParams entry = TopologyAddParams.of(
                SubDevice.withSecret("a1SubPk0001", "sensor-01", "subSecretExample0001"), SignMethod.HMAC_SHA1,
                () -> 1_700_000_000_000L);
        TopologyTopics topics = new TopologyTopics("a1GwPk00001", "gw-01");

        byte[] wire = AlinkJson.request("1001", TopologyOperation.ADD.method(), java.util.List.of(entry));

        assertThat(topics.request(TopologyOperation.ADD)).isEqualTo("/sys/a1GwPk00001/gw-01/thing/topo/add");
        assertThat(topics.operationOfReply("/sys/a1GwPk00001/gw-01/thing/topo/add_reply")).isEqualTo(TopologyOperation.ADD);
        com.fasterxml.jackson.databind.ObjectMapper mapper = AlinkJson.mapper();
        assertThat(mapper.readTree(wire)).isEqualTo(mapper.readTree("""
                {"id":"1001","version":"1.0","method":"thing.topo.add",
                 "params":[{"productKey":"a1SubPk0001","deviceName":"sensor-01","clientId":"a1SubPk0001&sensor-01",
                            "timestamp":"1700000000000","signmethod":"hmacSha1",
                            "sign":"101C528B8C45EE1E8DE93A649AB973F1895D144B"}]}"""));
        assertThat(entry.toString()).doesNotContain("101C528B");
    }
}
