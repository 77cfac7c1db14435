package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow events route (100 ms a notice) behind 10,000 queued notices never holds up replies: requests sent meanwhile
 * complete within their timeouts, notices reach the route in the order the platform sent them, and no route step ever
 * runs on an MQTT library thread.
 */
class SlowEventsRouteTest extends HuaweiIotTestSupport {

    private final List<Long> versionsSeen = new CopyOnWriteArrayList<>();
    private final Set<String> routeThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setRequestTimeout(30_000);
        // a sync at connect would replay the notices sent so far: not the subject here
        configuration.setSyncOnConnect(false);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:events").process(e -> {
                    routeThreads.add(Thread.currentThread().getName());
                    versionsSeen.add(e.getMessage().getHeader(HuaweiIotConstants.VERSION, Long.class));
                    Thread.sleep(100);
                });
                from("direct:delete").process(e -> routeThreads.add(Thread.currentThread().getName()))
                        .to("huaweiiot:deleteSubDevice")
                        .process(e -> routeThreads.add(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void repliesCompleteWhileTenThousandNoticesWaitForASlowRouteInOrder() throws Exception {
        List<String> children = deviceIds("slow", 200);
        registerChildren(children);
        List<CompletableFuture<Exchange>> deletes = new ArrayList<>();
        long began = System.nanoTime();
        for (int version = 1; version <= 10_000; version++) {
            platform.sendDeleteNotice(version, List.of());
            if (version % 200 == 0) {
                // the simulator's own client has 1,000 QoS 1 messages in flight at most; past that it drops what it
                // sends, its responses included
                Thread.sleep(100);
            }
            if (version % 50 == 0) {
                String child = children.get(version / 50 - 1);
                deletes.add(template.asyncSend("direct:delete", e -> e.getMessage().setBody(child)));
            }
        }
        for (CompletableFuture<Exchange> delete : deletes) {
            Exchange done = delete.get(40, TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
        }
        long repliesMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        await("20 notices at the events route", java.time.Duration.ofSeconds(10), () -> versionsSeen.size() >= 20);
        List<Long> seen = List.copyOf(versionsSeen);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("notice " + i + " in order").isEqualTo(i + 1L);
        }
        assertThat(versionsSeen.size()).as("notices delivered while the replies completed")
                .isLessThan(10_000);
        assertThat(connection().droppedNotices()).isZero();
        assertThat(routeThreads).noneMatch(name -> name.startsWith("MQTT"));
        System.out.printf("200 deletes among 10,000 notices answered in %d ms; the events route had taken %d notices%n",
                repliesMillis, seen.size());
    }
}
