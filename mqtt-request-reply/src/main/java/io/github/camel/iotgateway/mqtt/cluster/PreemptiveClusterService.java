package io.github.camel.iotgateway.mqtt.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.cluster.CamelPreemptiveClusterService;
import org.apache.camel.cluster.CamelPreemptiveClusterView;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Makes any Camel cluster service preemptive, so that camel-support's {@code RebalancingCamelClusterService} can spread
 * namespaces over nodes with it: Camel's ZooKeeper service (Curator's leader election) and the file lock are not
 * preemptive themselves. The leader election stays the delegate's; this adds two things only:
 * <ul>
 * <li>a disabled view leaves the election ({@code stopView}) after telling its listeners that this node no longer
 * leads, so a gateway disconnects before another node can take the namespace: no two connections overlap;</li>
 * <li>members are those of one extra namespace every node always joins ({@value #MEMBERS_NAMESPACE}), so a node that
 * has left some elections still counts as a member in all of them (the rebalancer divides by the member count).</li>
 * </ul>
 */
public class PreemptiveClusterService extends ServiceSupport implements CamelPreemptiveClusterService {

    /** The namespace every node joins and never leaves: its members are the cluster's nodes. */
    public static final String MEMBERS_NAMESPACE = "iot-gateway-members";

    private final CamelClusterService delegate;
    private final Map<String, PreemptiveClusterView> views = new ConcurrentHashMap<>();
    private CamelClusterView members;
    private CamelContext camelContext;

    public PreemptiveClusterService(CamelClusterService delegate) {
        this.delegate = delegate;
    }

    public CamelClusterService getDelegate() {
        return delegate;
    }

    @Override
    protected void doStart() throws Exception {
        if (delegate == null) {
            throw new IllegalArgumentException("No cluster service to spread gateways over: set the cluster of the"
                                               + " SpreadClusterService (camel.beans.<name>.cluster = #bean:zookeeper)");
        }
        if (delegate.getId() == null) {
            // members are told apart by id: two nodes with none (Camel's default) would count as one
            delegate.setId(defaultMemberId());
        }
        ServiceHelper.startService(delegate);
        members = delegate.getView(MEMBERS_NAMESPACE);
    }

    @Override
    protected void doStop() throws Exception {
        if (members != null) {
            delegate.releaseView(members);
            members = null;
        }
        ServiceHelper.stopService(delegate);
    }

    /** The nodes of the cluster, from the namespace they all join. */
    List<CamelClusterMember> members() {
        CamelClusterView view = members;
        return view == null ? List.of() : view.getMembers();
    }

    @Override
    public CamelPreemptiveClusterView getView(String namespace) throws Exception {
        CamelClusterView inner = delegate.getView(namespace);
        return views.computeIfAbsent(namespace, ns -> new PreemptiveClusterView(this, inner));
    }

    @Override
    public void releaseView(CamelClusterView view) throws Exception {
        CamelClusterView inner = view instanceof PreemptiveClusterView preemptive ? preemptive.inner() : view;
        delegate.releaseView(inner);
    }

    /** The delegate's namespaces but the members' one, which is no partition to spread. */
    @Override
    public Collection<String> getNamespaces() {
        return delegate.getNamespaces().stream().filter(ns -> !MEMBERS_NAMESPACE.equals(ns)).toList();
    }

    @Override
    public void startView(String namespace) throws Exception {
        delegate.startView(namespace);
    }

    @Override
    public void stopView(String namespace) throws Exception {
        delegate.stopView(namespace);
    }

    @Override
    public boolean isLeader(String namespace) {
        PreemptiveClusterView view = views.get(namespace);
        return view != null ? view.getLocalMember().isLeader() : delegate.isLeader(namespace);
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        if (delegate != null) {
            delegate.setCamelContext(camelContext);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public String getId() {
        return delegate == null ? null : delegate.getId();
    }

    @Override
    public void setId(String id) {
        if (delegate != null) {
            delegate.setId(id);
        }
    }

    @Override
    public Map<String, Object> getAttributes() {
        return delegate == null ? Map.of() : delegate.getAttributes();
    }

    @Override
    public <T extends CamelClusterService> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    /** {@code <host>-<pid>}: unique per process on a host, readable in the cluster's member list. */
    static String defaultMemberId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
