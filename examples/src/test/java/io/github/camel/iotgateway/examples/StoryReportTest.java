package io.github.camel.iotgateway.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.mqtt.GatewayNotConnectedException;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryReportTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void aRequestWithoutAnAnswerMakesTheStoryEndNonZero() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        StoryReport report = new StoryReport("test", exit::complete, false, 60);
        Exchange ok = new DefaultExchange(camel);
        ok.getMessage().setBody(new SubDeviceId("pk1", "dev-1"));
        ok.getMessage().setHeader("CamelAlinkSessionRequestId", "17");
        report.alinkSucceeded("Alibaba logout", ok);
        Exchange lost = new DefaultExchange(camel);
        lost.getMessage().setBody(new SubDeviceId("pk1", "dev-2"));
        lost.setProperty(Exchange.EXCEPTION_CAUGHT, new GatewayNotConnectedException("broker gone"));
        report.alinkFailed("Alibaba logout", lost);

        report.finish();

        assertThat(exit.get(1, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(report.printed()).anyMatch(l -> l.contains("1 requests on the wire, 1 succeeded, 0 failed, 1 unanswered"))
                .anyMatch(l -> l.contains("unanswered: pk1/dev-2 -> GatewayNotConnectedException: broker gone"))
                .anyMatch(l -> l.contains("(exit status 1)"));
    }

    @Test
    void aStoryThatNeverFinishesEndsWithStatusTwoAtItsDeadline() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        new StoryReport("test", exit::complete, false, 1);
        assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(2);
    }
}
