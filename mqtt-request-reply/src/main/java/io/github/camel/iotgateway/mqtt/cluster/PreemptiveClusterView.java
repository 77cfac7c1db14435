package io.github.camel.iotgateway.mqtt.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.cluster.CamelPreemptiveClusterView;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delegate's view that can be disabled: disabled, this node does not lead and leaves the election. Listeners are
 * told before the election is left, on the disabling thread, so what they hold for the leader (a gateway's one
 * connection) is let go before another node can lead.
 */
final class PreemptiveClusterView extends ServiceSupport implements CamelPreemptiveClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(PreemptiveClusterView.class);

    private final PreemptiveClusterService service;
    private final CamelClusterView inner;
    private final List<CamelClusterEventListener.Leadership> listeners = new CopyOnWriteArrayList<>();
    private final CamelClusterEventListener.Leadership forward = (view, leader) -> tellListeners(leader);
    private final CamelClusterMember local = new LocalMember();
    private volatile boolean disabled;
    private boolean forwarding;

    PreemptiveClusterView(PreemptiveClusterService service, CamelClusterView inner) {
        this.service = service;
        this.inner = inner;
    }

    CamelClusterView inner() {
        return inner;
    }

    @Override
    public boolean isDisabled() {
        return disabled;
    }

    @Override
    public synchronized void setDisabled(boolean disabled) {
        if (this.disabled == disabled) {
            return;
        }
        this.disabled = disabled;
        try {
            if (disabled) {
                LOG.debug("Leaving the election of {}", getNamespace());
                tellListeners(null);
                service.getDelegate().stopView(getNamespace());
            } else {
                LOG.debug("Joining the election of {}", getNamespace());
                service.getDelegate().startView(getNamespace());
            }
        } catch (Exception e) {
            throw new RuntimeCamelException("Could not " + (disabled ? "leave" : "join") + " the election of "
                                            + getNamespace(), e);
        }
    }

    private void tellListeners(CamelClusterMember leader) {
        for (CamelClusterEventListener.Leadership listener : listeners) {
            listener.leadershipChanged(this, disabled ? null : leader);
        }
    }

    @Override
    public CamelClusterService getClusterService() {
        return service;
    }

    @Override
    public String getNamespace() {
        return inner.getNamespace();
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return inner.getLeader().filter(leader -> !(disabled && leader.isLocal()));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    /** The cluster's nodes, whether or not they take part in this election now. */
    @Override
    public List<CamelClusterMember> getMembers() {
        return service.members();
    }

    @Override
    public synchronized void addEventListener(CamelClusterEventListener listener) {
        if (listener instanceof CamelClusterEventListener.Leadership leadership) {
            listeners.add(leadership);
            if (!forwarding) {
                forwarding = true;
                inner.addEventListener(forward);
            }
        } else {
            inner.addEventListener(listener);
        }
    }

    @Override
    public synchronized void removeEventListener(CamelClusterEventListener listener) {
        listeners.remove(listener);
        inner.removeEventListener(listener);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        inner.setCamelContext(camelContext);
    }

    @Override
    public CamelContext getCamelContext() {
        return inner.getCamelContext();
    }

    private final class LocalMember implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            return !disabled && inner.getLocalMember().isLeader();
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return inner.getLocalMember().getId();
        }
    }
}
