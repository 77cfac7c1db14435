package io.github.camel.iotgateway.huawei;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceFailedException;
import io.github.camel.iotgateway.huawei.error.HuaweiSubDeviceOperationException;
import io.github.camel.iotgateway.protocol.iotda.EventIds;
import io.github.camel.iotgateway.protocol.iotda.EventTime;
import io.github.camel.iotgateway.protocol.iotda.EventType;
import io.github.camel.iotgateway.protocol.iotda.IotdaMessage;
import io.github.camel.iotgateway.protocol.iotda.ServiceEvent;
import io.github.camel.iotgateway.simulator.IotdaSimulatorCodes;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** deleteSubDevice: single exchanges share requests of up to 50, Lists are split at 50, every device gets its own outcome. */
class DeleteSubDeviceTest extends HuaweiIotTestSupport {

    @Test
    void hundredTwentyConcurrentSingleDeletesGoOutInAFewRequestsAndEachEndsWithItsOwnDevice() throws Exception {
        List<String> known = deviceIds("known", 100);
        List<String> unknown = deviceIds("unknown", 20);
        registerChildren(known);
        List<String> all = new ArrayList<>(known);
        all.addAll(unknown);
        // a generous batchTimeout so a JIT pause between sends cannot cut a request short
        String uri = "huaweiiot:deleteSubDevice?batchTimeout=300";
        context.getEndpoint(uri);

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String deviceId : all) {
            sent.add(template.asyncSend(uri, e -> e.getMessage().setBody(deviceId)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        // the first finds the wire quiet and goes alone; the others gather while requests are on the wire (or wait
        // for the pace) into batches of up to 50: at least 1 + 3
        long requests = platform.requestCount(EventType.DELETE_SUB_DEVICE_REQUEST);
        assertThat(requests).isBetween(4L, 10L);
        assertThat(requestsPublished()).isEqualTo(requests);
        Set<String> eventIds = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            Exchange done = sent.get(i).get();
            String deviceId = all.get(i);
            eventIds.add(done.getMessage().getHeader(HuaweiIotConstants.EVENT_ID, String.class));
            if (known.contains(deviceId)) {
                assertThat(done.getException()).as(deviceId).isNull();
                assertThat(done.getMessage().getBody()).isEqualTo(deviceId);
                assertThat(done.getMessage().getHeader(HuaweiIotConstants.EVENT_TYPE))
                        .isEqualTo("delete_sub_device_response");
            } else {
                assertThat(done.getException()).as(deviceId).isInstanceOf(HuaweiSubDeviceFailedException.class);
                HuaweiSubDeviceFailedException failed = (HuaweiSubDeviceFailedException) done.getException();
                assertThat(failed.getDeviceId()).isEqualTo(deviceId);
                assertThat(failed.getErrorCode()).isEqualTo(IotdaSimulatorCodes.DEVICE_NOT_FOUND);
                assertThat(failed.getErrorMsg()).isNotBlank();
                assertThat(failed.getEventId()).isEqualTo(done.getMessage().getHeader(HuaweiIotConstants.EVENT_ID));
                assertThat(done.getMessage().getHeader(HuaweiIotConstants.ERROR_CODE))
                        .isEqualTo(IotdaSimulatorCodes.DEVICE_NOT_FOUND);
            }
        }
        assertThat(eventIds).as("one event id per request").hasSize((int) requests).allMatch(EventIds::isWellFormed);
        assertThat(platform.children()).isEmpty();
    }

    @Test
    void aListOfSeventyFiveGoesOutAsRequestsOfFiftyAndTwentyFiveOnTheDocumentedWire() throws Exception {
        List<String> devices = deviceIds("list", 75);
        registerChildren(devices.subList(0, 70));
        try (MqttWire wire = new MqttWire(brokerUrl()).record(platform.topics().eventsUp())) {
            Exchange done = template.send("huaweiiot:deleteSubDevice", e -> e.getMessage().setBody(devices));

            assertThat(done.getException()).isNull();
            SubDeviceOperationResult<?> result = done.getMessage().getBody(SubDeviceOperationResult.class);
            assertThat(result.successful()).isEqualTo(devices.subList(0, 70));
            assertThat(result.failed()).extracting(FailedSubDevice::deviceId).containsExactlyElementsOf(devices.subList(70, 75));
            assertThat(result.failed()).allMatch(f -> f.reportedByPlatform()
                                                      && IotdaSimulatorCodes.DEVICE_NOT_FOUND.equals(f.errorCode()));
            assertThat(result.eventIds()).hasSize(2);
            assertThat(done.getMessage().getHeader(HuaweiIotConstants.EVENT_ID))
                    .isEqualTo(String.join(",", result.eventIds()));

            await("both requests on the wire", java.time.Duration.ofSeconds(5), () -> wire.received().size() == 2);
            List<Integer> sizes = new ArrayList<>();
            for (IotdaMessage message : wire.received()) {
                assertThat(message.services()).hasSize(1);
                ServiceEvent request = message.services().get(0);
                assertThat(request.serviceId()).isEqualTo("$sub_device_manager");
                assertThat(request.eventType()).isEqualTo("delete_sub_device_request");
                assertThat(EventTime.isWellFormed(request.eventTime())).isTrue();
                assertThat(request.eventId()).hasSize(36).isIn(result.eventIds());
                sizes.add(request.paras().get("devices").size());
            }
            assertThat(sizes).containsExactlyInAnyOrder(50, 25);
        }
        assertThat(broker().qosCounts(platform.topics().eventsUp())).containsOnlyKeys(1);
    }

    @Test
    void failOnAnyDeviceFailureFailsAListExchangeButKeepsTheWholeResult() {
        List<String> devices = deviceIds("strict", 3);
        registerChildren(devices.subList(0, 2));

        Exchange done = template.send("huaweiiot:deleteSubDevice?failOnAnyDeviceFailure=true",
                e -> e.getMessage().setBody(devices));

        assertThat(done.getException()).isInstanceOf(HuaweiSubDeviceOperationException.class);
        SubDeviceOperationResult<?> result = ((HuaweiSubDeviceOperationException) done.getException()).getResult();
        assertThat(result.successful()).isEqualTo(devices.subList(0, 2));
        assertThat(result.failed()).extracting(FailedSubDevice::deviceId).containsExactly(devices.get(2));
    }

    @Test
    void theSameDeviceInTwoSingleExchangesGoesInTwoRequests() throws Exception {
        String deviceId = deviceIds("twice", 1).get(0);
        registerChildren(List.of(deviceId));
        String uri = "huaweiiot:deleteSubDevice?batchTimeout=300";
        context.getEndpoint(uri);

        CompletableFuture<Exchange> first = template.asyncSend(uri, e -> e.getMessage().setBody(deviceId));
        CompletableFuture<Exchange> second = template.asyncSend(uri, e -> e.getMessage().setBody(deviceId));

        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                .extracting(Exchange::getException).satisfiesExactlyInAnyOrder(
                        e -> assertThat(e).isNull(),
                        e -> assertThat(e).isInstanceOf(HuaweiSubDeviceFailedException.class));
        assertThat(requestsPublished()).isEqualTo(2);
    }

    @Test
    void withoutBatchingEachSingleIsARequestOfItsOwn() throws Exception {
        List<String> devices = deviceIds("alone", 3);
        registerChildren(devices);

        for (String deviceId : devices) {
            Exchange done = template.send("huaweiiot:deleteSubDevice?batching=false", e -> e.getMessage().setBody(deviceId));
            assertThat(done.getException()).isNull();
        }
        assertThat(requestsPublished()).isEqualTo(3);
    }
}
