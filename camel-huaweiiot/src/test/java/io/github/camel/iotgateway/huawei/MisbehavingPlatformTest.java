package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate, crossing and unsolicited responses: every exchange still completes exactly once, with its own device's
 * outcome, and answers nobody waits for are dropped by the core.
 */
class MisbehavingPlatformTest extends HuaweiIotTestSupport {

    /** How often each device's exchange came out of the producer. */
    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:delete").routeId("delete")
                        .doTry()
                            .to("huaweiiot:deleteSubDevice?batchTimeout=100&batchSize=20")
                        .doFinally()
                            .process(e -> completions.computeIfAbsent(e.getIn().getHeader("device", String.class),
                                    d -> new AtomicInteger()).incrementAndGet())
                        .end();
            }
        };
    }

    @Test
    void duplicateCrossingAndUnsolicitedResponsesStillEndEachExchangeOnceWithItsOwnOutcome() throws Exception {
        List<String> known = deviceIds("dup", 90);
        List<String> unknown = deviceIds("nope", 30);
        registerChildren(known);
        platform.setDuplicateReplies(true);
        platform.setReorderReplies(true);
        platform.setUnsolicitedReplies(true);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.addAll(known.subList(i * 3, i * 3 + 3));
            all.add(unknown.get(i));
        }

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String device : all) {
            sent.add(template.asyncSend("direct:delete", e -> {
                e.getMessage().setHeader("device", device);
                e.getMessage().setBody(device);
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        for (int i = 0; i < all.size(); i++) {
            Exchange done = sent.get(i).get();
            if (known.contains(all.get(i))) {
                assertThat(done.getException()).as(all.get(i)).isNull();
                assertThat(done.getMessage().getBody()).isEqualTo(all.get(i));
            } else {
                assertThat(done.getException()).as(all.get(i)).isInstanceOf(HuaweiSubDeviceFailedException.class);
                assertThat(((HuaweiSubDeviceFailedException) done.getException()).getDeviceId()).isEqualTo(all.get(i));
            }
        }
        long requests = requestsPublished();
        assertThat(requests).isBetween(6L, 12L);
        // late duplicates and made-up responses may still be on their way: give them time to arrive and be dropped
        await("every duplicate and unsolicited response dropped", java.time.Duration.ofSeconds(5),
                () -> unmatched() >= 2 * requests);
        Thread.sleep(100);
        assertThat(completions).hasSize(all.size()).allSatisfy((device, count) -> assertThat(count).hasValue(1));
        assertThat(connection().pendingReplies().size()).isZero();
    }

    private long unmatched() {
        try {
            return connection().pendingReplies().repliesUnmatched();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
