package com.dealerradar.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file cannot be started here (no container engine), so this reads it as compose would
 * (anchors and merge keys resolved) and checks the promises it makes: three Kafka brokers that keep
 * three copies and acknowledge on two, a MongoDB replica set of three, and services that use all of them.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("../compose/docker-compose.yml");

    private final Map<String, Map<String, Object>> services = services();

    @Test
    void kafkaRunsAsThreeBrokersThatKeepThreeCopiesAndAcknowledgeOnTwo() {
        List<Map<String, Object>> brokers = servicesWithImage("apache/kafka");
        assertThat(brokers).hasSize(3);
        assertThat(brokers).extracting(broker -> env(broker).get("KAFKA_NODE_ID").toString())
                .containsExactlyInAnyOrder("1", "2", "3");
        assertThat(brokers).extracting(broker -> env(broker).get("CLUSTER_ID")).containsOnly(env(brokers.get(0)).get("CLUSTER_ID"));
        for (Map<String, Object> broker : brokers) {
            Map<String, Object> env = env(broker);
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString().split(",")).hasSize(3);
            assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3);
            assertThat(services.keySet()).contains(env.get("KAFKA_ADVERTISED_LISTENERS").toString()
                    .replace("PLAINTEXT://", "").replace(":9092", ""));
        }
    }

    @Test
    void mongoRunsAsAReplicaSetOfThreeMembers() {
        List<Map<String, Object>> members = servicesWithImage("mongo:");
        assertThat(members).hasSize(3);
        assertThat(members).allSatisfy(member -> assertThat(member.get("command").toString()).contains("--replSet, rs0"));
        String initiate = services.values().stream().map(s -> String.valueOf(s.get("healthcheck")))
                .filter(check -> check.contains("rs.initiate")).findFirst().orElseThrow();
        for (String name : namesWithImage("mongo:")) {
            assertThat(initiate).contains("host: '" + name + ":27017'");
        }
    }

    @Test
    void everyServiceUsesAllBrokersAllMembersAndThreeCopies() {
        List<Map<String, Object>> apps = services.values().stream().filter(s -> s.containsKey("build")).toList();
        assertThat(apps).hasSize(5);
        for (Map<String, Object> app : apps) {
            Map<String, Object> env = env(app);
            assertThat(env).containsEntry("RADAR_KAFKA_REPLICATION_FACTOR", "3");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").toString().split(",")).hasSize(3);
            String mongo = env.get("MONGODB_URI").toString();
            assertThat(mongo).contains("replicaSet=rs0");
            namesWithImage("mongo:").forEach(name -> assertThat(mongo).contains(name + ":27017"));
        }
    }

    private List<Map<String, Object>> servicesWithImage(String image) {
        return namesWithImage(image).stream().map(services::get).toList();
    }

    private List<String> namesWithImage(String image) {
        return services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith(image))
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + COMPOSE.toAbsolutePath(), e);
        }
    }
}
