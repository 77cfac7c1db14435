package io.github.camel.iotgateway.alink;

import java.util.List;

import io.github.camel.iotgateway.mqtt.BatchItem;
import io.github.camel.iotgateway.protocol.alink.SubDeviceId;

/**
 * One sub-device of a single login or logout exchange, as it waits for a batch.
 *
 * @param params what goes on the wire for this device: its {@code LoginParams} or its {@code SubDeviceId}
 */
record SessionItem(SubDeviceId device, Object params) {

    static List<SubDeviceId> devicesOf(List<BatchItem<SessionItem>> items) {
        return items.stream().map(item -> item.request().device()).toList();
    }
}
