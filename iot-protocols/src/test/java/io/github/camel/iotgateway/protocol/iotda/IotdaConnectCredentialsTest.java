package io.github.camel.iotgateway.protocol.iotda;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IotdaConnectCredentialsTest {

    @Test
    void reproducesTheVendorTestVector() {
        // Huawei's own example (docs/protocol-notes.md B.2): secret 12345678, timestamp 2025041401; the timestamp is the key
        assertThat(IotdaConnectCredentials.password("12345678", "2025041401"))
                .isEqualTo("c75150e6cb841417396819e4d2ee4358a416344a03a083e3a8567074ddec820a");
    }

    @Test
    void matchesTheConstructedGatewayExample() {
        // docs/protocol-notes.md B.9: connecting at 2024-05-18 09:xx UTC, signType 0
        IotdaConnectCredentials c = IotdaConnectCredentials.of("6650a1b2c3d4e5f6a7b8c9d0_gw01", "examplePassw0rd",
                Instant.parse("2024-05-18T09:41:07Z"), IotdaConnectCredentials.SIGN_TYPE_NO_TIMESTAMP_CHECK);

        assertThat(c.clientId()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_gw01_0_0_2024051809");
        assertThat(c.username()).isEqualTo("6650a1b2c3d4e5f6a7b8c9d0_gw01");
        assertThat(c.password()).isEqualTo("4d35b2490113225ee07918a08eb0f774248bc83d7004a97f4f70209ca5619012");
    }

    @Test
    void signTypeOneGoesIntoTheClientId() {
        assertThat(IotdaConnectCredentials.of("dev", "s", "2024051809", IotdaConnectCredentials.SIGN_TYPE_TIMESTAMP_CHECK)
                .clientId()).isEqualTo("dev_0_1_2024051809");
    }

    @Test
    void verifiesWhatItMakesAndRefusesTheRest() {
        String id = "6650a1b2c3d4e5f6a7b8c9d0_gw01";
        IotdaConnectCredentials c = IotdaConnectCredentials.of(id, "examplePassw0rd", "2024051809", 0);

        assertThat(IotdaConnectCredentials.verify(c.clientId(), c.username(), c.password(), id, "examplePassw0rd"))
                .isTrue();
        assertThat(IotdaConnectCredentials.verify(c.clientId(), c.username(), c.password().toUpperCase(), id,
                "examplePassw0rd")).as("hex compared ignoring case").isTrue();
        assertThat(IotdaConnectCredentials.verify(c.clientId(), c.username(), c.password(), id, "wrong")).isFalse();
        assertThat(IotdaConnectCredentials.verify(c.clientId(), "other", c.password(), id, "examplePassw0rd"))
                .isFalse();
        assertThat(IotdaConnectCredentials.verify(id + "_0_0_2024051810", id, c.password(), id, "examplePassw0rd"))
                .as("the password belongs to another hour").isFalse();
        assertThat(IotdaConnectCredentials.verify(id + "_2_0_2024051809", id, c.password(), id, "examplePassw0rd"))
                .as("idType 2 (node_id access) is not this identity").isFalse();
        assertThat(IotdaConnectCredentials.verify(null, id, c.password(), id, "examplePassw0rd")).isFalse();
    }

    @Test
    void neverShowsThePassword() {
        IotdaConnectCredentials c = IotdaConnectCredentials.of("dev", "12345678", "2025041401", 0);
        assertThat(c.toString()).doesNotContain(c.password()).contains("dev_0_0_2025041401");
    }

    @Test
    void refusesWhatCannotBeAValidIdentity() {
        assertThatThrownBy(() -> IotdaConnectCredentials.of("dev", "s", "20240518", 0))
                .hasMessageContaining("yyyyMMddHH");
        assertThatThrownBy(() -> IotdaConnectCredentials.of("dev", "s", "2024051809", 2))
                .hasMessageContaining("signType");
        assertThatThrownBy(() -> IotdaConnectCredentials.of("dev", "", "2024051809", 0))
                .hasMessageContaining("secret").hasMessageNotContaining("null");
    }
}
