package io.github.camel.iotgateway.alink;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camel.iotgateway.protocol.alink.AlinkJson;
import io.github.camel.iotgateway.protocol.alink.LoginParams;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a gateway's online set in a Camel {@link StateRepository}, so that the next process to lead the gateway (after
 * a restart, or another node after a failover) logs the same sub-devices in again. What is kept is the signed login
 * params that logged each one in (the platform does not check a sign's timestamp for freshness: docs/protocol-notes.md
 * A.3), never a secret.
 * <p>
 * Writes are off the exchange's path and coalesced: a change asks for a write, and one write at a time stores the set
 * as it is then, so a burst of logouts costs a few writes, not one each. The set a node stores lags its own by one
 * write (milliseconds on ZooKeeper); a node killed within that lag leaves the set of its previous write.
 */
final class OnlineSetStore {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineSetStore.class);

    private final StateRepository<String, String> repository;
    private final String key;
    private final Executor writer;
    private final BooleanSupplier mayWrite;
    private final AtomicBoolean writeAsked = new AtomicBoolean();
    private final Object writing = new Object();
    private Supplier<List<LoginParams>> snapshot = List::of;

    /**
     * @param gateway  the gateway's PK.DN: the key is {@code alink-session.<gateway>.online}
     * @param writer   where writes run (the gateway's workers)
     * @param mayWrite whether this node leads the gateway: a node that no longer does must not overwrite the new
     *                 leader's set
     */
    OnlineSetStore(StateRepository<String, String> repository, String gateway, Executor writer,
                   BooleanSupplier mayWrite) {
        this.repository = repository;
        this.key = "alink-session." + gateway + ".online";
        this.writer = writer;
        this.mayWrite = mayWrite;
    }

    void snapshotFrom(Supplier<List<LoginParams>> snapshot) {
        this.snapshot = snapshot;
    }

    /** The set changed: store it soon. */
    void changed() {
        if (writeAsked.compareAndSet(false, true)) {
            writer.execute(this::writeNow);
        }
    }

    /**
     * Stores the set as it is now, on this thread (the writer's, or the stopping context's before the leadership goes).
     */
    void writeNow() {
        synchronized (writing) {
            // taken inside the lock, so a later write never stores an older set
            writeAsked.set(false);
            if (!mayWrite.getAsBoolean()) {
                return;
            }
            try {
                repository.setState(key, AlinkJson.mapper().writeValueAsString(snapshot.get()));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("Could not store the online sub-devices of gateway {} in {}: {}", key,
                        repository.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The set stored last, by this process or another; empty when none is. */
    List<LoginParams> load() {
        String stored;
        try {
            stored = repository.getState(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the online sub-devices of gateway {} from {}: {}", key,
                    repository.getClass().getSimpleName(), e.toString());
            return List.of();
        }
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(AlinkJson.mapper().readValue(stored, LoginParams[].class));
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring the stored online sub-devices of gateway {}: not a list of login params ({})", key,
                    e.getOriginalMessage());
            return List.of();
        }
    }
}
