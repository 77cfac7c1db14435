package io.github.camel.iotgateway.zookeeper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;

/**
 * A Camel {@link StateRepository} on ZooKeeper, through Curator: each key is one znode under {@link #getBasePath()},
 * holding its value as UTF-8. Every node of a cluster reads what another wrote, so the node that takes over a gateway
 * finds the state the previous leader kept (Alibaba's online sub-devices, Huawei's child-list version) on the same
 * ZooKeeper that elects it (camel-zookeeper's {@code ZooKeeperClusterService}): the cluster needs no second engine.
 * <p>
 * A write is one {@code setData} (or {@code create} the first time) and returns once ZooKeeper has it: a quorum's
 * write, seen by any node that reads after it. A znode holds at most ZooKeeper's {@code jute.maxbuffer} (1 MB by
 * default): about 4,000 Alibaba login params.
 * <p>
 * Connects with {@link #setNodes(String)}, or uses a {@link CuratorFramework} the application gives it (which it then
 * neither starts nor closes).
 */
public class ZooKeeperStateRepository extends ServiceSupport implements StateRepository<String, String> {

    public static final String DEFAULT_BASE_PATH = "/camel/iot-gateway/state";

    private String nodes;
    private String basePath = DEFAULT_BASE_PATH;
    private int sessionTimeoutMillis = 30_000;
    private int connectionTimeoutMillis = 10_000;
    private CuratorFramework curator;
    private boolean ownCurator;

    /** ZooKeeper's connect string, {@code host1:2181,host2:2181}. */
    public String getNodes() {
        return nodes;
    }

    public void setNodes(String nodes) {
        this.nodes = nodes;
    }

    /** The znode under which every key is kept. */
    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    public int getSessionTimeoutMillis() {
        return sessionTimeoutMillis;
    }

    public void setSessionTimeoutMillis(int sessionTimeoutMillis) {
        this.sessionTimeoutMillis = sessionTimeoutMillis;
    }

    public int getConnectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    public void setConnectionTimeoutMillis(int connectionTimeoutMillis) {
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }

    /** A Curator client of the application's; this repository neither starts nor closes it. */
    public void setCuratorFramework(CuratorFramework curator) {
        this.curator = curator;
        this.ownCurator = false;
    }

    @Override
    protected void doStart() throws Exception {
        if (curator == null) {
            if (nodes == null || nodes.isBlank()) {
                throw new IllegalArgumentException("ZooKeeperStateRepository needs nodes (the ZooKeeper connect string,"
                                                   + " host:2181) or a CuratorFramework");
            }
            curator = CuratorFrameworkFactory.builder().connectString(nodes)
                    .sessionTimeoutMs(sessionTimeoutMillis).connectionTimeoutMs(connectionTimeoutMillis)
                    .retryPolicy(new ExponentialBackoffRetry(100, 5, 5_000)).build();
            ownCurator = true;
            curator.start();
        }
        if (!curator.blockUntilConnected(connectionTimeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("ZooKeeperStateRepository could not reach ZooKeeper at " + nodes + " within "
                                            + connectionTimeoutMillis + " ms");
        }
    }

    @Override
    protected void doStop() {
        if (ownCurator && curator != null) {
            curator.close();
            curator = null;
        }
    }

    @Override
    public void setState(String key, String value) {
        String path = pathOf(key);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try {
            started().create().orSetData().creatingParentsIfNeeded().forPath(path, bytes);
        } catch (Exception e) {
            throw new RuntimeCamelException("Could not write " + path + " to ZooKeeper: " + e.getMessage(), e);
        }
    }

    @Override
    public String getState(String key) {
        String path = pathOf(key);
        try {
            return new String(started().getData().forPath(path), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException none) {
            return null;
        } catch (Exception e) {
            throw new RuntimeCamelException("Could not read " + path + " from ZooKeeper: " + e.getMessage(), e);
        }
    }

    /** One znode per key; the key encoded so that any key (with '/', '|', ...) is one valid znode name. */
    String pathOf(String key) {
        return basePath + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private CuratorFramework started() {
        if (curator == null) {
            // a repository handed straight to a component, not yet started by the CamelContext
            start();
        }
        return curator;
    }

    @Override
    public String toString() {
        return "ZooKeeperStateRepository[" + (nodes != null ? nodes : "given Curator") + basePath + "]";
    }
}
