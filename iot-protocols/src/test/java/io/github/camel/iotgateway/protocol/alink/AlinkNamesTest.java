package io.github.camel.iotgateway.protocol.alink;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The naming rules, checked a character at a time, judge every name as the documented patterns do. */
class AlinkNamesTest {

    /** The rules as docs/protocol-notes.md states them. */
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_\\-@.:]{4,32}");
    private static final Pattern PRODUCT_KEY = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** The allowed characters, some near misses and some that are letters or digits outside ASCII. */
    private static final String ALPHABET = "aZ09_-@.:" + "/ #+\0é٣Ａ" + "bcXY";

    @Test
    void randomNamesAreJudgedAsTheDocumentedPatternsJudgeThem() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String value = name.toString();
            assertThat(AlinkNames.isDeviceName(value)).as("device name '%s'", value)
                    .isEqualTo(DEVICE_NAME.matcher(value).matches());
            assertThat(AlinkNames.isProductKey(value)).as("productKey '%s'", value)
                    .isEqualTo(PRODUCT_KEY.matcher(value).matches());
        }
    }

    @Test
    void theLengthsAtTheEdges() {
        assertThat(AlinkNames.isDeviceName("abc")).isFalse();
        assertThat(AlinkNames.isDeviceName("abcd")).isTrue();
        assertThat(AlinkNames.isDeviceName("a".repeat(32))).isTrue();
        assertThat(AlinkNames.isDeviceName("a".repeat(33))).isFalse();
        assertThat(AlinkNames.isProductKey("")).isFalse();
        assertThat(AlinkNames.isProductKey("a".repeat(64))).isTrue();
        assertThat(AlinkNames.isProductKey("a".repeat(65))).isFalse();
        assertThatThrownBy(() -> AlinkNames.requireDeviceName("deviceName", "sensor\u00e9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceName")
                .hasMessageContaining("4 to 32 letters");
    }
}
