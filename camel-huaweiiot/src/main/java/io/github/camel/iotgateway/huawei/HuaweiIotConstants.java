package io.github.camel.iotgateway.huawei;

import org.apache.camel.spi.Metadata;

/** Message headers of the huaweiiot component. */
public final class HuaweiIotConstants {

    @Metadata(label = "producer", description = "The operation to perform instead of the endpoint's: deleteSubDevice,"
                                                + " addSubDevice or updateSubDeviceStatus.",
              javaType = "String")
    public static final String OPERATION = "CamelHuaweiIotOperation";

    @Metadata(description = "Producer: the event_id the component gave the request that carried this exchange's"
                            + " device(s); for a List sent as several requests, their event_ids joined by commas."
                            + " Consumer: the event_id of the platform's event, when it has one.",
              javaType = "String")
    public static final String EVENT_ID = "CamelHuaweiIotEventId";

    @Metadata(description = "Producer: the event_type of the platform's response, e.g. delete_sub_device_response."
                            + " Consumer: the event_type of the platform's event, e.g. add_sub_device_notify.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelHuaweiIotEventType";

    @Metadata(label = "consumer", description = "The event_time of the platform's event (UTC yyyyMMdd'T'HHmmss'Z'),"
                                                + " when it has one.",
              javaType = "String")
    public static final String EVENT_TIME = "CamelHuaweiIotEventTime";

    @Metadata(label = "consumer", description = "The service_id of the platform's event, e.g. $sub_device_manager.",
              javaType = "String")
    public static final String SERVICE_ID = "CamelHuaweiIotServiceId";

    @Metadata(label = "consumer", description = "The child-device list version the platform's event carries"
                                                + " (paras.version of add_sub_device_notify and delete_sub_device_notify),"
                                                + " to be persisted and sent back in a later sub_device_sync_request.",
              javaType = "Long")
    public static final String VERSION = "CamelHuaweiIotVersion";

    @Metadata(label = "consumer", description = "The object_device_id of the platform's event (the gateway's device_id).",
              javaType = "String")
    public static final String OBJECT_DEVICE_ID = "CamelHuaweiIotObjectDeviceId";

    @Metadata(label = "producer", description = "For a single-device exchange the platform refused: the error_code of its"
                                                + " failed_devices entry.",
              javaType = "String")
    public static final String ERROR_CODE = "CamelHuaweiIotErrorCode";

    @Metadata(label = "producer", description = "For a single-device exchange the platform refused: the error_msg of its"
                                                + " failed_devices entry.",
              javaType = "String")
    public static final String ERROR_MESSAGE = "CamelHuaweiIotErrorMessage";

    private HuaweiIotConstants() {
    }
}
