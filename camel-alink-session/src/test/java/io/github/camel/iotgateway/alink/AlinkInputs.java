package io.github.camel.iotgateway.alink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.AlinkSigner;
import io.github.camel.iotgateway.protocol.alink.SignMethod;
import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of what a route may hand alink-session: well-formed sub-devices of the test's topology, and everything
 * else a body can be (null, numbers, byte arrays, JSON text good and bad, maps with fields of the wrong type, lists of
 * 0 to 130 with repeats and nulls), with names that are empty, too long, unicode, topic wildcards or NUL.
 */
final class AlinkInputs {

    static final String SUB_PK = AlinkTestSupport.SUB_PK;
    /** The sub-devices registered on the platform, with secret {@code secret-<name>}. */
    static final List<String> TOPOLOGY = List.of("gen-001", "gen-002", "gen-003", "gen-004", "gen-005", "gen-006",
            "gen-007", "gen-008", "gen-009", "gen-010", "gen-011", "gen-012");

    /** One exchange: the endpoint's operation, the operation header (null: none) and the body. */
    record Input(String endpointOperation, String operationHeader, Object body) {
        @Override
        public String toString() {
            return "alink-session:" + endpointOperation + " header=" + operationHeader + " body=" + describe(body);
        }
    }

    private AlinkInputs() {
    }

    static String secretOf(String deviceName) {
        return "secret-" + deviceName;
    }

    static Arbitrary<Input> inputs() {
        return Arbitraries.of("login", "logout", "batchLogin", "batchLogout").flatMap(endpoint ->
                operationHeaders().flatMap(header -> {
                    String effective = header == null ? endpoint : header;
                    boolean batch = effective.toLowerCase().startsWith("batch");
                    boolean login = effective.toLowerCase().contains("login");
                    return (batch ? batchBodies(login) : singleBodies(login)).map(b -> new Input(endpoint, header, b));
                }));
    }

    /** Mostly none; else a valid operation name in one of the spellings the component accepts. */
    static Arbitrary<String> operationHeaders() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just((String) null)),
                Tuple.of(2, Arbitraries.of("login", "logout", "batchLogin", "batchLogout", "batch_login",
                        "BATCH_LOGOUT", "Logout", "LOGIN")));
    }

    /** Operation names the component does not know, of every sort. */
    static Arbitrary<Object> unknownOperations() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.<Object>of("", " ", "logon", "log out", "batch-logout", "login\0", "登录", "#",
                        "logout/+", "events", "batchLogins")),
                Tuple.of(2, weirdText().map(t -> (Object) t)),
                Tuple.of(1, Arbitraries.<Object>of(42, 3.5, true, List.of("login"), Map.of("op", "logout"))));
    }

    static Arbitrary<Object> singleBodies(boolean login) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, login ? validLogins() : validIds()),
                Tuple.of(4, login ? loginDevices() : subDeviceIds()),
                Tuple.of(3, deviceMaps(login).map(m -> (Object) m)),
                Tuple.of(2, deviceMaps(login).map(m -> (Object) json(m))),
                Tuple.of(1, deviceMaps(login).map(m -> (Object) json(m).getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, oddBodies()),
                Tuple.of(1, subDeviceIds().list().ofMinSize(0).ofMaxSize(3).map(l -> (Object) l)));
    }

    static Arbitrary<Object> batchBodies(boolean login) {
        Arbitrary<Object> entry = Arbitraries.frequencyOf(
                Tuple.of(30, login ? validLogins() : validIds()),
                Tuple.of(2, login ? loginDevices() : subDeviceIds()),
                Tuple.of(1, deviceMaps(login).map(m -> (Object) m)),
                Tuple.of(1, oddBodies()));
        Arbitrary<List<Object>> lists = Arbitraries.frequencyOf(
                Tuple.of(6, entry.injectNull(0.005).list().ofMinSize(0).ofMaxSize(60)),
                Tuple.of(1, entry.list().ofMinSize(51).ofMaxSize(130)),
                // few distinct entries, so repeats are likely
                Tuple.of(2, Arbitraries.of(TOPOLOGY.subList(0, 3)).map(n -> device(login, SUB_PK, n))
                        .list().ofMinSize(2).ofMaxSize(6)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, lists.map(l -> (Object) new ArrayList<>(l))),
                Tuple.of(2, deviceMaps(login).list().ofMinSize(0).ofMaxSize(55).map(l -> (Object) json(l))),
                Tuple.of(1, lists.map(l -> (Object) l.toArray())),
                Tuple.of(1, singleBodies(login)),
                Tuple.of(1, oddBodies()));
    }

    /** Sub-devices of the topology, or at least with valid names. */
    static Arbitrary<Object> validIds() {
        return validNames().map(dn -> new SubDeviceId(SUB_PK, dn));
    }

    /** Logins of the topology's sub-devices by their right secret or with a right ready sign. */
    static Arbitrary<Object> validLogins() {
        Arbitrary<Object> readySign = Combinators.combine(Arbitraries.of(TOPOLOGY), Arbitraries.of(SignMethod.class),
                        Arbitraries.longs().between(0, 4_102_444_800_000L),
                        Arbitraries.strings().alpha().numeric().withChars("&._-").ofMinLength(1).ofMaxLength(64))
                .as((dn, method, timestamp, clientId) -> SubDevice.withSign(SUB_PK, dn,
                        AlinkSigner.loginSign(method, secretOf(dn), clientId, dn, SUB_PK, Long.toString(timestamp)),
                        method, Long.toString(timestamp), clientId));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TOPOLOGY).map(dn -> device(true, SUB_PK, dn))),
                Tuple.of(1, readySign));
    }

    /**
     * Logins of the topology's sub-devices with one of the fields the sign covers or the sign itself empty: by secret
     * with an empty timestamp or clientId of their own, or with a ready sign whose sign, timestamp or clientId is empty.
     */
    static Arbitrary<SubDevice> loginsWithAnEmptyField() {
        return Combinators.combine(Arbitraries.of(TOPOLOGY), Arbitraries.integers().between(0, 4))
                .as((dn, which) -> switch (which) {
                    case 0 -> new SubDevice(SUB_PK, dn, secretOf(dn), null, null, "", null, null);
                    case 1 -> new SubDevice(SUB_PK, dn, secretOf(dn), null, null, null, "", null);
                    case 2 -> SubDevice.withSign(SUB_PK, dn, "", SignMethod.HMAC_SHA256, "1700000000000", "c1");
                    case 3 -> SubDevice.withSign(SUB_PK, dn,
                            AlinkSigner.loginSign(SignMethod.HMAC_SHA256, secretOf(dn), "c1", dn, SUB_PK, ""),
                            SignMethod.HMAC_SHA256, "", "c1");
                    default -> SubDevice.withSign(SUB_PK, dn,
                            AlinkSigner.loginSign(SignMethod.HMAC_SHA256, secretOf(dn), "", dn, SUB_PK, "1700000000000"),
                            SignMethod.HMAC_SHA256, "1700000000000", "");
                });
    }

    static Arbitrary<String> validNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TOPOLOGY)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("_-@.:")
                        .ofMinLength(4).ofMaxLength(32)));
    }

    static Arbitrary<Object> subDeviceIds() {
        return Combinators.combine(productKeys(), deviceNames()).as(SubDeviceId::new);
    }

    /** Logins by secret (right, wrong, empty, odd) and with ready signs whose fields may be missing or empty. */
    static Arbitrary<Object> loginDevices() {
        Arbitrary<Object> bySecret = Combinators.combine(productKeys(), deviceNames(), secrets(), cleanSessions())
                .as((pk, dn, secret, clean) -> new SubDevice(pk, dn, "RIGHT".equals(secret) ? secretOf(dn) : secret,
                        null, null, null, null, clean));
        Arbitrary<Object> withOwnClientIdOrTimestamp = Combinators.combine(deviceNames(), fieldTexts(), fieldTexts())
                .as((dn, clientId, timestamp) -> new SubDevice(SUB_PK, dn, secretOf(dn), null, null, timestamp,
                        clientId, null));
        Arbitrary<Object> readySign = Combinators.combine(deviceNames(), fieldTexts(),
                        Arbitraries.of(SignMethod.class).injectNull(0.2), fieldTexts(), fieldTexts())
                .as((dn, sign, method, timestamp, clientId) -> new SubDevice(SUB_PK, dn, null, sign, method, timestamp,
                        clientId, null));
        return Arbitraries.frequencyOf(Tuple.of(6, bySecret), Tuple.of(2, withOwnClientIdOrTimestamp),
                Tuple.of(2, readySign));
    }

    static Arbitrary<String> productKeys() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(SUB_PK)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64)),
                Tuple.of(1, weirdText()));
    }

    static Arbitrary<String> deviceNames() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(TOPOLOGY)),
                Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("_-@.:")
                        .ofMinLength(4).ofMaxLength(32)),
                Tuple.of(3, weirdText()));
    }

    /** Names nobody should accept: empty, short, long, huge, unicode, topic characters, NUL, blanks. */
    static Arbitrary<String> weirdText() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", " ", "abc", "a".repeat(33), "dev/ice", "dev+ice", "dev#ice", "#", "+",
                        "a/+/#", "dev\0ice", "\0\0\0\0", " dev-01", "dev-01 ", "设备-0001", "dévice-01", "dev\u202Eice",
                        "dev\uD83D\uDE00ice", "dev\nice", "null", "{\"x\":1}")),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.integers().between(33, 200_000).map("x"::repeat)));
    }

    /** Values for the text fields of a login: usually fine, sometimes null, empty, blank or odd. */
    static Arbitrary<String> fieldTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20)),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, Arbitraries.of("", " ", "\0", "签名", "+/#", "x".repeat(5000))));
    }

    static Arbitrary<String> secrets() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just("RIGHT")),
                Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(32)),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, weirdText()));
    }

    static Arbitrary<Boolean> cleanSessions() {
        return Arbitraries.of(true, false).injectNull(0.7);
    }

    /** Maps with the fields of a sub-device, some missing, some of the wrong type, plus fields nobody knows. */
    static Arbitrary<Map<String, Object>> deviceMaps(boolean login) {
        Arbitrary<Object> anyValue = Arbitraries.frequencyOf(
                Tuple.of(3, deviceNames().map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.integers().map(i -> (Object) i)),
                Tuple.of(1, Arbitraries.<Object>of(true, 1.5, List.of("a"), Map.of("k", "v"))),
                Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(productKeys(), deviceNames(), anyValue, anyValue, Arbitraries.integers().between(0, 9))
                .as((pk, dn, odd, extra, shape) -> {
                    Map<String, Object> map = new HashMap<>();
                    map.put("productKey", shape == 0 ? odd : pk);
                    if (shape != 1) {
                        map.put("deviceName", shape == 2 ? odd : dn);
                    }
                    if (login) {
                        map.put("deviceSecret", shape == 3 ? odd : secretOf(dn));
                    }
                    if (shape == 4) {
                        map.put("cleanSession", odd);
                    }
                    if (shape == 5) {
                        map.put("signMethod", odd);
                    }
                    if (shape >= 6) {
                        map.put("unknownField", extra);
                    }
                    return map;
                });
    }

    /** Bodies that are no sub-device at all. */
    static Arbitrary<Object> oddBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", "   ", "{not json", "[]", "{}", "null", "\"text\"", "42", "[1,2]",
                        "{\"productKey\":", "\0", "[{\"productKey\":\"" + SUB_PK + "\"}]").map(t -> (Object) t)),
                Tuple.of(2, Arbitraries.<Object>of(42, -1L, 3.14, true, 'c', new byte[0], new byte[] {(byte) 0xFF, 0, 1},
                        new StringBuilder("gen-001"), new int[] {1})),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.ofSuppliers(Object::new)),
                Tuple.of(1, weirdText().map(s -> (Object) s)));
    }

    static Object device(boolean login, String productKey, String deviceName) {
        return login ? SubDevice.withSecret(productKey, deviceName, secretOf(deviceName))
                : new SubDeviceId(productKey, deviceName);
    }

    private static String json(Object value) {
        try {
            return AlinkJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field of a login but the secret, which shows as its length only. */
    private static String describe(SubDevice d) {
        return "SubDevice[" + d.productKey() + "/" + d.deviceName() + ", deviceSecret="
               + (d.deviceSecret() == null ? "null" : d.deviceSecret().length() + " chars")
               + ", sign=" + (d.sign() == null ? "null" : "'" + d.sign() + "'") + ", signMethod=" + d.signMethod()
               + ", timestamp=" + (d.timestamp() == null ? "null" : "'" + d.timestamp() + "'")
               + ", clientId=" + (d.clientId() == null ? "null" : "'" + d.clientId() + "'")
               + ", cleanSession=" + d.cleanSession() + "]";
    }

    /** Bodies in failure reports: short, and NUL visible. */
    static String describe(Object body) {
        if (body == null) {
            return "null";
        }
        String text = body instanceof SubDevice d ? describe(d)
                : body instanceof byte[] bytes ? "byte[" + bytes.length + "]"
                : body instanceof Object[] array ? "Object[" + array.length + "]" + Arrays.asList(array)
                : body.getClass().getSimpleName() + ":" + body;
        text = text.replace("\0", "\\0");
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
