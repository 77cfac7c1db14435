package io.github.camel.iotgateway.huawei;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** After the broker comes back, the gateway asks the platform for the child-device changes it missed. */
class ReconnectSyncTest extends HuaweiIotTestSupport {

    @Override
    protected void configure(HuaweiIotConfiguration configuration) {
        super.configure(configuration);
        configuration.setSyncOnConnect(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("huaweiiot:events").to("mock:events");
            }
        };
    }

    @Test
    void afterAReconnectASyncRequestCarriesTheLastVersionSeenAndRequestsWorkAgain() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(2);
        // the first connect asks for a sync too; the notices come after its (empty) answer
        await("the sync of the first connect", Duration.ofSeconds(10), () -> platform.syncRequests() == 1);
        platform.sendDeleteNotice(41, List.of(PRODUCT_ID + "_old-1"));
        platform.sendDeleteNotice(42, List.of(PRODUCT_ID + "_old-2"));
        events.assertIsSatisfied(5000);
        assertThat(platform.lastSyncVersion()).isNull();

        broker().restart();

        await("a sync request with version 42", Duration.ofSeconds(20), () -> Long.valueOf(42).equals(platform.lastSyncVersion()));
        assertThat(connection().reconnects()).isEqualTo(1);
        registerChildren(List.of(PRODUCT_ID + "_after-1"));
        Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(PRODUCT_ID + "_after-1"));
        assertThat(done.getException()).isNull();
    }
}
