package dev.hermes.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The worker's packages, bottom to top: a package may use only the packages below it, so a dependency
 * that runs back up fails here, as does a cycle or a package with no place in the table.
 *
 * <p>Checked against the layout before issue 10 (commit 8a4da6c, its classes compiled apart and these
 * rules evaluated with ClassFileImporter): the layer rule failed 28 times (reaper -> consumer, reaper ->
 * spawn, spawn -> settings...), the package table rule on reply.EventPublisher and reply.Responder, and the
 * cycle rule on 16 cycles, such as consumer -> reply -> consumer and consumer -> reply -> reaper -> consumer.
 */
@AnalyzeClasses(packages = "dev.hermes.worker", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {
    /** Bottom first. Each entry: layer name and its package. */
    static final List<String[]> LAYERS = List.of(
            layer("config", "dev.hermes.worker.config.."), // the settings catalogue
            layer("docker", "dev.hermes.worker.docker.."), // the Docker operations the worker uses
            layer("lanes", "dev.hermes.worker.lanes.."), // one lane per family
            layer("metrics", "dev.hermes.worker.metrics.."),
            layer("kafka", "dev.hermes.worker.kafka.."), // every write, and partitions
            layer("audit", "dev.hermes.worker.audit.."), // lifecycle facts -> audit events
            layer("runtime", "dev.hermes.worker.runtime.."), // the healthy runtimes this worker knows
            layer("settings", "dev.hermes.worker.settings.."),
            layer("activity", "dev.hermes.worker.activity.."), // last activity, restore
            layer("spawn", "dev.hermes.worker.spawn.."), // ensure: adopt, start, create, health
            layer("lifecycle", "dev.hermes.worker.lifecycle.."), // reap, recreate, orphan sweep
            layer("consumer", "dev.hermes.worker.consumer.."), // the request loop engine
            layer("requests", "dev.hermes.worker.requests.."), // what the loop does with a record
            layer("moves", "dev.hermes.worker.moves.."), // family moves asked for in PostgreSQL
            layer("root", "dev.hermes.worker")); // wiring and config

    @ArchTest
    static final ArchRule dependencies_only_point_down = layers();

    /** A new package must be given its place in {@link #LAYERS}, or this fails. */
    @ArchTest
    static final ArchRule every_package_has_a_layer = classes()
            .that()
            .resideInAPackage("dev.hermes.worker..")
            .should()
            .resideInAnyPackage(LAYERS.stream().map(l -> l[1]).toArray(String[]::new));

    @ArchTest
    static final ArchRule no_cycles_between_packages =
            slices().matching("dev.hermes.worker.(*)..").should().beFreeOfCycles();

    /** The small {@link dev.hermes.worker.docker.Docker} interface is the one way to Docker. */
    @ArchTest
    static final ArchRule only_the_docker_package_sees_docker_java = noClasses()
            .that()
            .resideOutsideOfPackage("dev.hermes.worker.docker..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.github.dockerjava..");

    /** Kafka is reached through the Producer and Consumer interfaces; only the wiring builds the clients. */
    @ArchTest
    static final ArchRule only_wiring_builds_kafka_clients = noClasses()
            .that()
            .resideOutsideOfPackages("dev.hermes.worker", "dev.hermes.worker.kafka")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(KafkaProducer.class.getName())
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName(KafkaConsumer.class.getName());

    static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            rule = rule.layer(layer[0]).definedBy(layer[1]);
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above =
                    LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
            rule = rule.whereLayer(LAYERS.get(i)[0]).mayOnlyBeAccessedByLayers(above);
        }
        return rule.whereLayer("root").mayNotBeAccessedByAnyLayer().withOptionalLayers(true);
    }

    private static String[] layer(String name, String packageIdentifier) {
        return new String[] {name, packageIdentifier};
    }
}
