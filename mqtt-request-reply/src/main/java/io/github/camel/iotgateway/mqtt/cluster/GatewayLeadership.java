package io.github.camel.iotgateway.mqtt.cluster;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows whether this node leads a gateway's cluster namespace, and tells the gateway each time that changes.
 * <p>
 * The view's events are not enough on their own: Camel's ZooKeeper view fires its last event from inside Curator's
 * {@code takeLeadership}, while the node still holds the lock, so an event listener never sees the loss. So the local
 * member's leadership is also checked every {@code checkMillis} on the component's timer; a loss is seen within that
 * period, which is far shorter than the cluster's session timeout, the earliest another node can lead (a lost
 * ZooKeeper connection suspends leadership before the session expires). A voluntary hand-over (rebalancing) tells
 * the listener before it lets go ({@link PreemptiveClusterService}).
 */
public final class GatewayLeadership implements CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLeadership.class);

    private final GatewayCluster cluster;
    private final String gateway;
    private final Consumer<Boolean> onChange;
    /** Read by request threads too ({@link #leaderId()}), for the error a follower's request ends with. */
    private volatile CamelClusterView view;
    private ScheduledFuture<?> check;
    private boolean leading;
    private volatile boolean closed;

    /**
     * @param gateway  the gateway's name, for the log
     * @param onChange told {@code true} when this node starts leading, {@code false} when it stops; never twice alike
     */
    public GatewayLeadership(GatewayCluster cluster, String gateway, Consumer<Boolean> onChange) {
        this.cluster = cluster;
        this.gateway = gateway;
        this.onChange = onChange;
    }

    /**
     * Joins the namespace (the view starts when the cluster service runs) and starts checking.
     *
     * @param checks where the periodic checks run: the gateway's reaction to a loss may wait for a connect under way,
     *               which must not hold the timer
     */
    public void start(ScheduledExecutorService timer, Executor checks, long checkMillis) throws Exception {
        view = cluster.service().getView(cluster.namespace());
        view.addEventListener(this);
        check = timer.scheduleWithFixedDelay(() -> {
            try {
                checks.execute(this::check);
            } catch (RejectedExecutionException stopping) {
                // the gateway stops: its stop lets go
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        LOG.info("Gateway {} joined cluster namespace {} ({}); it connects while this node leads it", gateway,
                cluster.namespace(), cluster.service().getClass().getSimpleName());
        check();
    }

    @Override
    public void leadershipChanged(CamelClusterView changed, CamelClusterMember leader) {
        check();
    }

    /** The id of the member that leads the namespace, when known. */
    public String leaderId() {
        CamelClusterView current = view;
        try {
            Optional<CamelClusterMember> leader = current == null ? Optional.empty() : current.getLeader();
            return leader.map(CamelClusterMember::getId).orElse("none yet");
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    public String namespace() {
        return cluster.namespace();
    }

    private synchronized void check() {
        if (closed || view == null) {
            return;
        }
        boolean now;
        try {
            now = view.getLocalMember().isLeader();
        } catch (RuntimeException e) {
            // the cluster cannot say: do not lead on a guess
            now = false;
        }
        if (now == leading) {
            return;
        }
        leading = now;
        LOG.info("Gateway {}: this node {} cluster namespace {}", gateway, now ? "now leads" : "no longer leads",
                cluster.namespace());
        try {
            onChange.accept(now);
        } catch (RuntimeException e) {
            LOG.warn("Gateway {}: reacting to a leadership change failed: {}", gateway, e.toString());
        }
    }

    /**
     * Stops telling the gateway of changes, still taking part in the election: the gateway is about to disconnect,
     * and only then may the namespace be let go of ({@link #close()}).
     */
    public synchronized void mute() {
        closed = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    /** Stops following and leaves the election; the gateway has disconnected already. */
    public synchronized void close() {
        mute();
        if (view != null) {
            view.removeEventListener(this);
            try {
                cluster.service().releaseView(view);
            } catch (Exception e) {
                LOG.debug("Gateway {}: releasing cluster view {} failed: {}", gateway, cluster.namespace(), e.toString());
            }
            view = null;
        }
        leading = false;
    }
}
