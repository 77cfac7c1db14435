package io.github.camel.iotgateway.simulator;

import io.github.camel.iotgateway.protocol.iotda.IotdaConnectCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The platform's check of a gateway CONNECT (docs/protocol-notes.md B.2), as a {@link ConnectAuthenticator}: the
 * credentials as {@link IotdaConnectCredentials#verify} checks them, and for signType 1 also the ClientId's hour stamp
 * against the platform clock. Huawei does not document the tolerance; this simulator takes a stamp whose hour is the
 * clock's current UTC hour, the one before or the one after (the stamp's hour is at most 1 hour away from the clock)
 * and refuses any other. signType 0 is not checked against the clock.
 */
final class IotdaConnectCheck implements ConnectAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(IotdaConnectCheck.class);
    /** How far the stamp's hour may be from the clock's hour. */
    static final Duration TOLERANCE = Duration.ofHours(1);
    private static final int STAMP_LENGTH = 10;
    /** {@code _{signType}_{yyyyMMddHH}} ends the ClientId: the signType digit sits just before {@code _} and the stamp. */
    private static final int SIGN_TYPE_FROM_END = STAMP_LENGTH + 2;

    private final String ownClientIdPrefix;
    private final String gatewayDeviceId;
    private final String gatewayDeviceSecret;
    private final Clock clock;

    IotdaConnectCheck(String ownClientIdPrefix, String gatewayDeviceId, String gatewayDeviceSecret, Clock clock) {
        this.ownClientIdPrefix = ownClientIdPrefix;
        this.gatewayDeviceId = gatewayDeviceId;
        this.gatewayDeviceSecret = gatewayDeviceSecret;
        this.clock = clock;
    }

    @Override
    public boolean accept(String clientId, String username, String password) {
        if (clientId != null && clientId.startsWith(ownClientIdPrefix)) {
            // the simulator itself: it plays the cloud, and reconnects through this check after a broker restart
            return true;
        }
        if (!IotdaConnectCredentials.verify(clientId, username, password, gatewayDeviceId, gatewayDeviceSecret)) {
            return false;
        }
        // verify() accepted {device_id}_0_{0|1}_{yyyyMMddHH}
        boolean checksTimestamp = clientId.charAt(clientId.length() - SIGN_TYPE_FROM_END)
                                  == Character.forDigit(IotdaConnectCredentials.SIGN_TYPE_TIMESTAMP_CHECK, 10);
        if (!checksTimestamp) {
            return true;
        }
        String stamp = clientId.substring(clientId.length() - STAMP_LENGTH);
        Instant now = clock.instant();
        if (isWithinTolerance(stamp, now)) {
            return true;
        }
        LOG.info("IoTDA simulator: CONNECT of {} refused: signType 1 hour stamp {} is more than {} h from the "
                 + "platform clock {}", gatewayDeviceId, stamp, TOLERANCE.toHours(), now);
        return false;
    }

    /**
     * Whether the UTC hour {@code yyyyMMddHH} is at most {@link #TOLERANCE} from the hour {@code now} falls in; false
     * for a stamp that is no real hour.
     */
    static boolean isWithinTolerance(String stamp, Instant now) {
        Instant hour;
        try {
            hour = LocalDateTime.of(Integer.parseInt(stamp.substring(0, 4)), Integer.parseInt(stamp.substring(4, 6)),
                    Integer.parseInt(stamp.substring(6, 8)), Integer.parseInt(stamp.substring(8, 10)), 0)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return false;
        }
        Duration apart = Duration.between(now.truncatedTo(ChronoUnit.HOURS), hour).abs();
        return apart.compareTo(TOLERANCE) <= 0;
    }
}
