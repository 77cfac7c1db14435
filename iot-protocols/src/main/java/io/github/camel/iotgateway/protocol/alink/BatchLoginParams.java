package io.github.camel.iotgateway.protocol.alink;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The {@code params} of a batch_login. Sources disagree on where signMethod goes (per entry in the old doc, once at
 * the top in the SDKs); it is outside the signed content, so it is sent in both places when all entries share it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchLoginParams(SignMethod signMethod, List<LoginParams> deviceList) {

    public static BatchLoginParams of(List<LoginParams> entries) {
        SignMethod shared = entries.stream().map(LoginParams::signMethod).distinct().count() == 1
                ? entries.get(0).signMethod() : null;
        return new BatchLoginParams(shared, List.copyOf(entries));
    }
}
