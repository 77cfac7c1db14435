package io.github.camel.iotgateway.protocol.alink;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlinkSignerTest {

    @Test
    void reproducesTheVendorTestVectorOfBatchAddThingTopo() {
        // docs/protocol-notes.md A.3.5: Alibaba's own vector, hmacMd5 keyed "1234"
        String sign = AlinkSigner.sign(SignMethod.HMAC_MD5, "1234", Map.of(
                "clientId", "868575026974305", "deviceName", "868575026974305",
                "productKey", "a1PB5fp1234", "timestamp", "1646277090411"));
        assertThat(sign).isEqualTo("3BA0DFA4C477B40C007D84D30D6466CC");
    }

    @Test
    void signedContentIsSortedNameValuePairsWithoutSignSignMethodOrCleanSession() {
        assertThat(AlinkSigner.content(Map.of("timestamp", "1", "productKey", "pk", "sign", "x", "signMethod", "hmacSha1",
                "cleanSession", "true", "deviceName", "dn", "clientId", "c")))
                .isEqualTo("clientIdcdeviceNamednproductKeypktimestamp1");
    }

    @Test
    void loginSignMatchesTheConstructedExampleOfTheReference() {
        // docs/protocol-notes.md A.8 login example, hmacSha256 with secret subSecretExample0001
        LoginParams params = LoginParams.of(
                new SubDevice("a1SubPk0001", "sensor-01", "subSecretExample0001", null, null, "1700000000000", null, true),
                SignMethod.HMAC_SHA256, () -> 0L);
        assertThat(params.clientId()).isEqualTo("a1SubPk0001&sensor-01");
        assertThat(params.sign()).isEqualTo("7E564AE305D952C50CF90BBCADC3D0C816A73928AC29D7445207E86B897A5971");
        assertThat(params.cleanSession()).isEqualTo("true");
    }

    @Test
    void hmacSha1SignMatchesTheTopoAddExampleOfTheReference() {
        assertThat(AlinkSigner.loginSign(SignMethod.HMAC_SHA1, "subSecretExample0001", "a1SubPk0001&sensor-01",
                "sensor-01", "a1SubPk0001", "1700000000000"))
                .isEqualTo("101C528B8C45EE1E8DE93A649AB973F1895D144B");
    }

    @Test
    void gatewayConnectCredentialsMatchTheConstructedExampleAndVerify() {
        AlinkConnectCredentials c = AlinkConnectCredentials.of("a1GwPk00001", "gw-01", "gwSecretExample0001",
                1700000000000L, AlinkConnectCredentials.SECURE_MODE_TLS);
        assertThat(c.clientId()).isEqualTo("a1GwPk00001.gw-01|securemode=2,signmethod=hmacsha256,timestamp=1700000000000|");
        assertThat(c.username()).isEqualTo("gw-01&a1GwPk00001");
        assertThat(c.password()).isEqualTo("F228360B7BCE9E7093B13670F27B639465E4A837F6CFC2D47382C67C36D26F81");
        assertThat(c.toString()).doesNotContain(c.password());
        assertThat(AlinkConnectCredentials.verify(c.clientId(), c.username(), c.password(), "a1GwPk00001", "gw-01",
                "gwSecretExample0001")).isTrue();
        assertThat(AlinkConnectCredentials.verify(c.clientId(), c.username(), c.password(), "a1GwPk00001", "gw-01",
                "wrongSecret")).isFalse();
    }

    @Test
    void aSubDeviceNeverShowsItsSecretOrSign() {
        SubDevice d = new SubDevice("pk1", "dev1", "s3cr3t-value", "SIGNVALUE", SignMethod.HMAC_SHA1, "1", "c", null);
        assertThat(d.toString()).doesNotContain("s3cr3t-value").doesNotContain("SIGNVALUE").contains("pk1/dev1");
        LoginParams p = LoginParams.of(SubDevice.withSecret("pk1", "dev1", "s3cr3t-value"), SignMethod.HMAC_SHA256, () -> 5L);
        assertThat(p.toString()).doesNotContain(p.sign());
    }

    @Test
    void everyLoginCarriesCleanSessionTheDefaultUnlessTheSubDeviceNamesItsOwn() {
        SubDevice plain = SubDevice.withSecret("pk1", "dev1", "secret");
        SubDevice keeping = new SubDevice("pk1", "dev2", "secret", null, null, null, null, Boolean.FALSE);

        assertThat(LoginParams.of(plain, SignMethod.HMAC_SHA256, () -> 5L, Boolean.TRUE).cleanSession())
                .isEqualTo("true");
        assertThat(LoginParams.of(plain, SignMethod.HMAC_SHA256, () -> 5L, Boolean.FALSE).cleanSession())
                .isEqualTo("false");
        assertThat(LoginParams.of(keeping, SignMethod.HMAC_SHA256, () -> 5L, Boolean.TRUE).cleanSession())
                .as("the sub-device's own").isEqualTo("false");
        // not part of the sign (docs/protocol-notes.md A.3.5)
        assertThat(LoginParams.of(plain, SignMethod.HMAC_SHA256, () -> 5L, Boolean.TRUE).sign())
                .isEqualTo(LoginParams.of(plain, SignMethod.HMAC_SHA256, () -> 5L, Boolean.FALSE).sign());
    }
}
