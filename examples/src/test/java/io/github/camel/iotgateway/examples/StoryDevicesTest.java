package io.github.camel.iotgateway.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camel.iotgateway.protocol.alink.SubDevice;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The device lists against the real clouds are CSV files: quoting, comments, a header and bad lines. */
class StoryDevicesTest {

    @TempDir
    Path dir;

    @Test
    void aSecretWithACommaOrAQuoteIsAQuotedFieldAndCommentsBlankLinesAndAHeaderAreSkipped() throws Exception {
        Path alink = write("subdevices.csv", String.join("\n",
                "productKey,deviceName,deviceSecret",
                "# sensors of hall 1",
                "a1SubPk0001, sensor-01 , \"s3cr,et\"",
                "",
                "a1SubPk0001,sensor-02,\"say \"\"hi\"\"\"", ""));
        Path huawei = write("children.csv", """
                # meters
                6650a1b2c3d4e5f6a7b8c9d0_meter-001

                  6650a1b2c3d4e5f6a7b8c9d0_meter-002
                """);

        StoryDevices devices = StoryDevices.fromFiles(alink, huawei);

        assertThat(devices.alinkSubDevices()).extracting(SubDevice::id).containsExactly(
                new SubDeviceId("a1SubPk0001", "sensor-01"), new SubDeviceId("a1SubPk0001", "sensor-02"));
        assertThat(devices.alinkSubDevices()).extracting(SubDevice::deviceSecret).containsExactly("s3cr,et", "say \"hi\"");
        assertThat(devices.huaweiChildDevices()).containsExactly("6650a1b2c3d4e5f6a7b8c9d0_meter-001",
                "6650a1b2c3d4e5f6a7b8c9d0_meter-002");
    }

    @Test
    void aLineOfAnotherShapeFailsNamingItsFileAndLineButNotTheSecretsOnIt() throws Exception {
        Path alink = write("subdevices.csv", """
                a1SubPk0001,sensor-01,secretNeverShown01
                a1SubPk0001,secretNeverShown02
                """);
        Path huawei = write("children.csv", "6650a1b2c3d4e5f6a7b8c9d0_meter-001\n");

        assertThatThrownBy(() -> StoryDevices.fromFiles(alink, huawei)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subdevices.csv line 2: 2 field(s)")
                .hasMessageContaining("productKey,deviceName,deviceSecret")
                .hasMessageNotContaining("secretNeverShown");
    }

    @Test
    void anEmptyFieldIsNoDevice() throws Exception {
        Path alink = write("subdevices.csv", "a1SubPk0001,sensor-01,\n");
        Path huawei = write("children.csv", "6650a1b2c3d4e5f6a7b8c9d0_meter-001,extra\n");

        assertThatThrownBy(() -> StoryDevices.fromFiles(alink, huawei)).hasMessageContaining("subdevices.csv line 1");
        assertThatThrownBy(() -> DeviceListFiles.huaweiChildDevices(huawei))
                .hasMessageContaining("children.csv line 1: 2 field(s), not the 1 non-empty device_id");
    }

    @Test
    void theRequestIdsOfAHeaderAreItsCommaSeparatedValues() {
        assertThat(RequestIds.of("17")).containsExactly("17");
        assertThat(RequestIds.of("17, 18,19")).containsExactly("17", "18", "19");
        assertThat(RequestIds.of(null)).isEmpty();
        assertThat(RequestIds.of(" ")).isEmpty();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
