package io.github.camel.iotgateway.protocol.alink;

import io.github.camel.iotgateway.protocol.common.Hmac;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's CONNECT check accepts what the vendors' SDKs send (docs/protocol-notes.md A.2): extra keys in the
 * clientId's parameter list in any order, a trailing comma, and no timestamp at all.
 */
class AlinkConnectCredentialsTest {

    private static final String PK = "a1GwPk00001";
    private static final String DN = "gw-01";
    private static final String SECRET = "gatewaySecretExample";

    private static String password(String method, String content) {
        return Hmac.upperHex(Hmac.compute(method, SECRET, content));
    }

    @Test
    void theClientIdOfPythonLinkKitWithItsOwnKeysAndOrderIsAccepted() {
        String clientId = PK + "." + DN + "|securemode=3,signmethod=hmacsha1,ext=1,_ss=1,lan=Python,_v=1.2.13,"
                          + "timestamp=1700000000000|";
        String password = password("HmacSHA1",
                "clientId" + PK + "." + DN + "deviceName" + DN + "productKey" + PK + "timestamp1700000000000");

        assertThat(AlinkConnectCredentials.verify(clientId, DN + "&" + PK, password, PK, DN, SECRET)).isTrue();
        assertThat(AlinkConnectCredentials.verify(clientId, DN + "&" + PK, password, PK, DN, "anotherSecret")).isFalse();
    }

    @Test
    void theC4SdksClientIdWithATrailingCommaAndNoTimestampIsAccepted() {
        String withComma = PK + "." + DN + "|timestamp=2524608000000,_ss=1,_v=sdk-c-4.1.0,securemode=2,"
                           + "signmethod=hmacsha256,ext=3,|";
        String noTimestamp = PK + "." + DN + "|securemode=2,signmethod=hmacsha256,gw=0|";

        assertThat(AlinkConnectCredentials.verify(withComma, DN + "&" + PK, password("HmacSHA256",
                "clientId" + PK + "." + DN + "deviceName" + DN + "productKey" + PK + "timestamp2524608000000"),
                PK, DN, SECRET)).isTrue();
        assertThat(AlinkConnectCredentials.verify(noTimestamp, DN + "&" + PK, password("HmacSHA256",
                "clientId" + PK + "." + DN + "deviceName" + DN + "productKey" + PK), PK, DN, SECRET)).isTrue();
    }

    @Test
    void aClientIdWithoutSecureModeOrSignMethodIsRefused() {
        String password = password("HmacSHA256", "clientId" + PK + "." + DN + "deviceName" + DN + "productKey" + PK);

        assertThat(AlinkConnectCredentials.verify(PK + "." + DN + "|signmethod=hmacsha256|", DN + "&" + PK, password,
                PK, DN, SECRET)).isFalse();
        assertThat(AlinkConnectCredentials.verify(PK + "." + DN + "|securemode=2|", DN + "&" + PK, password, PK, DN,
                SECRET)).isFalse();
        assertThat(AlinkConnectCredentials.verify(PK + "." + DN, DN + "&" + PK, password, PK, DN, SECRET)).isFalse();
    }
}
