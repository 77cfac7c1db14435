package io.github.camel.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingTableTest {

    private final PendingTable table = new PendingTable();

    @Test
    void aKeyGoesBackOutExactlyAsItCameWhetherHeldAsANumberOrAsText() {
        for (String key : List.of("0", "7", "4294967295", "999999999999999999", "1000000000000000000", "007", "-1",
                "1e3", "", "0f8d6a52-9c1e-4b57-8f0a-6c2d3e4f5a6b")) {
            PendingRequest entry = entry(key, 10_000);
            assertThat(table.putIfAbsent(entry)).as(key).isTrue();
            assertThat(entry.key()).isEqualTo(key);
            assertThat(table.remove(key)).as(key).isSameAs(entry);
        }
        assertThat(PendingRequest.numberOf("4294967295")).as("an Alink id is held as a number").isEqualTo(4294967295L);
        assertThat(PendingRequest.numberOf("007")).as("leading zeros keep it text").isEqualTo(-1);
        assertThat(table.size()).isZero();
    }

    @Test
    void aUuidIsHeldAsTwoNumbersAndOnlyItsCanonicalSpellingIs() {
        String uuid = "0f8d6a52-9c1e-4b57-8f0a-6c2d3e4f5a6b";
        assertThat(PendingRequest.isUuid(uuid)).isTrue();
        PendingRequest entry = entry(uuid, 10_000);
        assertThat(entry.keyText()).as("no String kept").isSameAs(PendingRequest.UUID_FORM);
        assertThat(entry.key()).isEqualTo(uuid);
        for (String other : List.of(uuid.toUpperCase(), "0f8d6a529c1e-4b57-8f0a-6c2d3e4f5a6b-", "uuid",
                "0f8d6a52-9c1e-4b57-8f0a-6c2d3e4f5a6g")) {
            assertThat(PendingRequest.isUuid(other)).as(other).isFalse();
            PendingRequest text = entry(other, 10_000);
            assertThat(text.key()).isEqualTo(other);
            assertThat(table.putIfAbsent(text)).as(other).isTrue();
        }
        assertThat(table.putIfAbsent(entry)).isTrue();
        assertThat(table.putIfAbsent(entry("00000000-0000-0000-0000-000000000000", 10_000))).isTrue();
        assertThat(table.putIfAbsent(entry("0", 10_000))).as("not the zero UUID").isTrue();
        assertThat(table.putIfAbsent(entry(uuid, 10_000))).as("refused while pending").isFalse();

        assertThat(table.remove("uuid")).as("the text 'uuid' is not a UUID key").isNotNull()
                .satisfies(e -> assertThat(e.key()).isEqualTo("uuid"));
        assertThat(table.remove(uuid)).isSameAs(entry);
        assertThat(table.remove(uuid.toUpperCase())).as("a different key").isNotNull();
        assertThat(table.remove(uuid)).as("removed once").isNull();
    }

    @Test
    void aNumberAndTheSameDigitsWithALeadingZeroAreDifferentKeys() {
        PendingRequest seven = entry("7", 10_000);
        PendingRequest zeroSeven = entry("07", 10_000);
        assertThat(table.putIfAbsent(seven)).isTrue();
        assertThat(table.putIfAbsent(zeroSeven)).isTrue();
        assertThat(table.putIfAbsent(entry("7", 10_000))).as("refused while pending").isFalse();
        assertThat(table.remove("07")).isSameAs(zeroSeven);
        assertThat(table.remove("7")).isSameAs(seven);
        assertThat(table.remove("7")).as("removed once").isNull();
    }

    @Test
    void removingAnEntryLeavesANewerRequestUnderTheSameKeyAlone() {
        PendingRequest old = entry("42", 10_000);
        table.putIfAbsent(old);
        table.remove("42");
        PendingRequest newer = entry("42", 10_000);
        table.putIfAbsent(newer);

        assertThat(table.remove(old)).isFalse();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.remove(newer)).isTrue();
        assertThat(table.size()).isZero();
    }

    @Test
    void theTableIsEmptyExactlyWhenNoRequestIsInAnyStripe() {
        assertThat(table.isEmpty()).isTrue();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 64; i++) { // enough keys to land in every stripe
            keys.add(Integer.toString(i));
            table.putIfAbsent(entry(keys.get(i), 10_000));
        }
        for (String key : keys) {
            assertThat(table.isEmpty()).as("with " + table.size() + " in").isFalse();
            table.remove(key);
        }
        assertThat(table.isEmpty()).isTrue();
    }

    @Test
    void everyEntryStaysFindableAsTheTableGrows() {
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            assertThat(table.putIfAbsent(entry(Integer.toString(i * 7), 10_000))).isTrue();
            assertThat(table.putIfAbsent(entry("text-" + i, 10_000))).isTrue();
        }
        assertThat(table.size()).isEqualTo(2 * count);
        for (int i = 0; i < count; i++) {
            assertThat(table.remove(Integer.toString(i * 7))).isNotNull();
        }
        Set<String> left = new HashSet<>();
        table.removeAll().forEach(e -> left.add(e.key()));
        assertThat(left).hasSize(count).allSatisfy(key -> assertThat(key).startsWith("text-"));
        assertThat(table.size()).isZero();
    }

    @Test
    void removeDueTakesWhatIsDueAndTellsHowLongUntilTheNextDeadline() {
        PendingRequest soon = entry("1", 0);
        PendingRequest later = entry("2", 60_000);
        table.putIfAbsent(soon);
        table.putIfAbsent(later);
        List<PendingRequest> due = new ArrayList<>();

        long next = table.removeDue(System.nanoTime(), due);

        assertThat(due).containsExactly(soon);
        assertThat(next).isPositive().isLessThanOrEqualTo(60_000_000_000L);
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.removeDue(later.deadlineNanos(), due)).as("nothing left").isEqualTo(Long.MAX_VALUE);
        assertThat(due).containsExactly(soon, later);
    }

    @Test
    void aTimeoutTooLongForNanosecondsIsKeptFarAwayRatherThanOverflowingIntoThePast() {
        PendingRequest forever = entry("1", Long.MAX_VALUE);
        table.putIfAbsent(forever);
        List<PendingRequest> due = new ArrayList<>();
        assertThat(table.removeDue(System.nanoTime(), due)).isPositive();
        assertThat(due).isEmpty();
    }

    private static PendingRequest entry(String key, long timeoutMillis) {
        return new PendingRequest(key, outcome -> {
        }, timeoutMillis);
    }
}
