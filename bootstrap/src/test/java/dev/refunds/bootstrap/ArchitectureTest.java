package dev.refunds.bootstrap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The layering of the design card, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "dev.refunds", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The modules that are not adapters; every other module with sources is one. */
    private static final Set<String> CORE_MODULES = Set.of("domain", "application", "bootstrap");

    @ArchTest
    static final ArchRule domain_is_plain_java = classes()
            .that().resideInAPackage("dev.refunds.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.refunds.domain..",
                    "java.lang..", "java.util..", "java.time..", "java.math..")
            .because("other JVM apps embed the domain: JDK only, no framework, no annotations");

    @ArchTest
    static final ArchRule application_depends_only_on_domain_and_the_jdk = classes()
            .that().resideInAPackage("dev.refunds.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.refunds.application..",
                    "dev.refunds.domain..", "java..")
            .because("use cases know no framework; adapters plug into the ports they own");

    @ArchTest
    static final ArchRule ports_live_beside_the_use_cases_that_own_them = noClasses()
            .should().resideInAPackage("dev.refunds.application.port..")
            .because("a port sits in the feature package whose use cases own it; cross-cutting ones in"
                    + " application.shared");

    @ArchTest
    static final ArchRule shared_ports_serve_every_feature_and_know_none = classes()
            .that().resideInAPackage("dev.refunds.application.shared..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.refunds.application.shared..",
                    "dev.refunds.domain..", "java..")
            .because("transactions, ids, pages and executors are used by every feature, so they depend on none");

    @ArchTest
    static final ArchRule the_outbox_knows_no_feature = classes()
            .that().resideInAPackage("dev.refunds.application.event..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.refunds.application.event..",
                    "dev.refunds.domain..", "java..")
            .because("any aggregate's events go through the outbox: a new event type touches no outbox code");

    @ArchTest
    static final ArchRule rings = onionArchitecture().withOptionalLayers(true)
            .domainModels("dev.refunds.domain..")
            .applicationServices("dev.refunds.application..")
            .adapter("rest", "dev.refunds.rest..")
            .adapter("persistence", "dev.refunds.persistence..")
            .adapter("webhook", "dev.refunds.webhook..")
            .ignoreDependency(resideInAPackage("dev.refunds.bootstrap.."), alwaysTrue());

    /**
     * Every top-level package is a slice, so an adapter added tomorrow is covered without being named here: no
     * adapter depends on another, and the application on none; only the composition root wires them together.
     */
    @ArchTest
    static final ArchRule only_bootstrap_knows_the_adapters = slices()
            .matching("dev.refunds.(*)..").namingSlices("dev.refunds.$1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("dev.refunds.domain..", "dev.refunds.application.."))
            .ignoreDependency(resideInAPackage("dev.refunds.bootstrap.."), alwaysTrue())
            .because("the composition root alone wires adapters");

    /** An adapter module whose classes were not imported would pass every rule above unseen. */
    @ArchTest
    static void every_adapter_module_is_analysed(JavaClasses imported) throws IOException {
        Set<String> analysed = imported.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.refunds."))
                .map(name -> name.split("\\.")[2]).collect(Collectors.toSet());

        List<String> adapterPackages = adapterPackages(projectRoot());

        assertThat(adapterPackages).contains("rest", "persistence", "webhook")
                .doesNotContainAnyElementsOf(CORE_MODULES);
        assertThat(analysed).containsAll(adapterPackages).containsAll(CORE_MODULES);
    }

    private static List<String> adapterPackages(Path root) throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> adapters = modules.filter(module -> Files.isDirectory(module.resolve("src/main/java")))
                    .filter(module -> !CORE_MODULES.contains(module.getFileName().toString())).toList();
            return adapters.stream().flatMap(ArchitectureTest::topPackages).toList();
        }
    }

    private static Stream<String> topPackages(Path module) {
        try (Stream<Path> packages = Files.list(module.resolve("src/main/java/dev/refunds"))) {
            return packages.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).toList().stream();
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot list the packages of " + module, unreadable);
        }
    }

    /** Surefire runs in bootstrap/; the modules are its siblings. */
    private static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(dir.resolve("bootstrap")) ? dir : dir.getParent();
    }
}
