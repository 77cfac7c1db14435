package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.mqtt.GatewayPaceExceededException;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway keeps to the platform's cap on messages a second (here 10, to keep the test short): no window of a
 * second, wherever it starts, holds more on the wire; requests over the pace wait their turn and are not failed, unless
 * their own timeout would pass first.
 */
class PaceTest extends HuaweiIotTestSupport {

    private static final int CAP = 10;

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setMaxMessagesPerSecond(CAP);
        configuration.setRequestTimeout(10_000);
    }

    /** The most messages any window of {@code windowMillis} holds, wherever it starts. */
    private static int mostInAnyWindow(List<Long> arrivals, long windowMillis) {
        int most = 0;
        for (long start : arrivals) {
            most = Math.max(most, (int) arrivals.stream().filter(t -> t >= start && t - start < windowMillis).count());
        }
        return most;
    }

    @Test
    void aThousandSingleDeletesGoOutInAboutTwentyRequestsNeverMoreThanTheCapInAnySecond() throws Exception {
        List<String> children = deviceIds("paced", 1000);
        registerChildren(children);
        try (MqttWire wire = new MqttWire(brokerUrl()).record(platform.topics().eventsUp())) {
            long began = System.nanoTime();
            List<CompletableFuture<Exchange>> deletes = new ArrayList<>();
            for (String child : children) {
                deletes.add(template.asyncSend("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(child)));
            }
            for (CompletableFuture<Exchange> delete : deletes) {
                assertThat(delete.get(20, TimeUnit.SECONDS).getException()).isNull();
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            // the first finds the wire quiet and goes alone; the rest gather while requests are on the wire or wait
            // for the pace: 20 of up to 50, and a partial batch each time the wire went quiet for a moment, which it
            // does more often on a loaded machine (replies come back before this thread submits the next exchange;
            // 27 requests were seen at a load above 10). Far from one request an exchange either way.
            long requests = platform.requestCount(EventType.DELETE_SUB_DEVICE_REQUEST);
            assertThat(requests).isBetween(21L, 40L);
            await("every request on the wire", java.time.Duration.ofSeconds(5),
                    () -> wire.received().size() == requests);
            // the wire is a second client, whose own deliveries add jitter: judge it by a window a little shorter
            assertThat(mostInAnyWindow(wire.arrivalMillis(), 980)).as("most requests in any second").isLessThanOrEqualTo(CAP);
            assertThat(tookMillis).as("20 requests at 10 a second need a second window").isGreaterThan(1000);
            assertThat(connection().pacedPublishes()).isPositive();
        }
    }

    @Test
    void aRequestThatWouldWaitPastItsOwnTimeoutFailsTypedAndIsNeverPublished() throws Exception {
        List<String> children = deviceIds("hurried", 30);
        registerChildren(children);
        List<CompletableFuture<Exchange>> deletes = new ArrayList<>();
        for (String child : children) {
            deletes.add(template.asyncSend("huaweiiot:deleteSubDevice?batching=false&requestTimeout=500",
                    e -> e.getMessage().setBody(child)));
        }
        int answered = 0;
        int refused = 0;
        for (CompletableFuture<Exchange> delete : deletes) {
            Exception failure = delete.get(10, TimeUnit.SECONDS).getException();
            if (failure == null) {
                answered++;
            } else {
                assertThat(failure).isInstanceOf(GatewayPaceExceededException.class)
                        .hasMessageContaining("10 messages").hasMessageContaining("Nothing was published");
                refused++;
            }
        }
        assertThat(answered).isEqualTo(CAP);
        assertThat(refused).isEqualTo(30 - CAP);
        assertThat(requestsPublished()).isEqualTo(CAP);
    }
}
