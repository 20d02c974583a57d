package dev.refunds.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

/** The layering of the design card, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "dev.refunds", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
    static final ArchRule rings = onionArchitecture().withOptionalLayers(true)
            .domainModels("dev.refunds.domain..")
            .applicationServices("dev.refunds.application..")
            .adapter("rest", "dev.refunds.rest..")
            .adapter("persistence", "dev.refunds.persistence..")
            .adapter("webhook", "dev.refunds.webhook..")
            .ignoreDependency(resideInAPackage("dev.refunds.bootstrap.."), alwaysTrue());

    @ArchTest
    static final ArchRule only_bootstrap_knows_the_adapters = noClasses()
            .that().resideOutsideOfPackages("dev.refunds.bootstrap..", "dev.refunds.rest..")
            .should().dependOnClassesThat().resideInAPackage("dev.refunds.rest..")
            .because("the composition root alone wires adapters");
}
