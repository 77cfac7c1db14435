package io.github.camel.iotgateway.zookeeper;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository on a real ZooKeeper: what one client writes, another (another node) reads. */
class ZooKeeperStateRepositoryTest {

    private TestingServer zooKeeper;
    private ZooKeeperStateRepository writer;
    private ZooKeeperStateRepository reader;

    @BeforeEach
    void start() throws Exception {
        zooKeeper = new TestingServer(true);
        writer = repository();
        reader = repository();
    }

    private ZooKeeperStateRepository repository() {
        ZooKeeperStateRepository repository = new ZooKeeperStateRepository();
        repository.setNodes(zooKeeper.getConnectString());
        repository.start();
        return repository;
    }

    @AfterEach
    void stop() throws Exception {
        writer.stop();
        reader.stop();
        zooKeeper.close();
    }

    @Test
    void aValueWrittenByOneNodeIsReadByAnotherAndAWriteReplacesIt() {
        writer.setState("alink-session.a1Gw.gw-01.online", "[{\"productKey\":\"a1Sub\"}]");
        assertThat(reader.getState("alink-session.a1Gw.gw-01.online")).isEqualTo("[{\"productKey\":\"a1Sub\"}]");

        writer.setState("alink-session.a1Gw.gw-01.online", "[]");
        assertThat(reader.getState("alink-session.a1Gw.gw-01.online")).isEqualTo("[]");
    }

    @Test
    void aKeyNeverWrittenReadsAsNullAndAnyKeyIsOneZnodeUnderTheBasePath() {
        assertThat(reader.getState("never")).isNull();
        String key = "odd/key|with spaces,and/slashes/..";
        writer.setState(key, "v");
        assertThat(reader.getState(key)).isEqualTo("v");
        assertThat(writer.pathOf(key)).startsWith(ZooKeeperStateRepository.DEFAULT_BASE_PATH + "/")
                .satisfies(path -> assertThat(path.substring(ZooKeeperStateRepository.DEFAULT_BASE_PATH.length() + 1))
                        .doesNotContain("/"));
    }

    @Test
    void withoutNodesOrACuratorItRefusesToStartNamingTheOption() {
        ZooKeeperStateRepository none = new ZooKeeperStateRepository();
        assertThatThrownBy(none::start).hasMessageContaining("nodes").hasMessageContaining("CuratorFramework");
    }
}
