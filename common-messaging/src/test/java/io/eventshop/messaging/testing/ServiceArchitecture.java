package io.eventshop.messaging.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The shape every service has, as ArchUnit rules. A service runs them all with
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.eventshop.order", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTests {
 *     @ArchTest
 *     static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);
 * }
 * }</pre>
 *
 * <p>The packages of {@code io.eventshop.<service>}: {@code domain} (aggregates, value objects, domain events),
 * {@code application} (use cases and the ports they need), then the adapters: {@code persistence}, {@code messaging},
 * {@code integration} (systems outside eventshop) and {@code web}. The root package holds the application class and
 * the configuration that wires them. docs/ARCHITECTURE.md says why.
 */
public final class ServiceArchitecture {

    static final String DOMAIN = "io.eventshop.*.domain..";
    static final String APPLICATION = "io.eventshop.*.application..";
    static final String WEB = "io.eventshop.*.web..";
    static final String[] OTHER_ADAPTERS = {
        "io.eventshop.*.persistence..", "io.eventshop.*.messaging..", "io.eventshop.*.integration.."
    };

    /** The packages every service may use besides its own. */
    static final Set<String> SHARED = Set.of("events", "messaging", "topology");

    private ServiceArchitecture() {}

    /** Dependencies point inwards: adapters use the application and the domain, never the other way round. */
    @ArchTest
    public static final ArchRule layersDependInwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Domain")
            .definedBy(DOMAIN)
            .layer("Application")
            .definedBy(APPLICATION)
            .layer("Adapters")
            .definedBy(OTHER_ADAPTERS)
            .layer("Web")
            .definedBy(WEB)
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Application", "Adapters", "Web")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("Adapters", "Web")
            .whereLayer("Adapters")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Web")
            .mayNotBeAccessedByAnyLayer();

    /**
     * The domain is plain Java: no Spring, SQL, JSON, AWS, messaging or integration-event contract. JPA's mapping
     * annotations ({@code jakarta.persistence}) are the one exception, as the aggregates are the entities.
     */
    @ArchTest
    public static final ArchRule theDomainUsesNoFramework = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.hibernate..",
                    "java.sql..",
                    "javax.sql..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..",
                    "software.amazon..",
                    "io.awspring..",
                    "io.github.resilience4j..",
                    "io.micrometer..",
                    "jakarta.servlet..",
                    "io.eventshop.events..",
                    "io.eventshop.messaging..",
                    "io.eventshop.topology..");

    /** Use cases know neither HTTP nor SQL: those are the adapters' business. */
    @ArchTest
    public static final ArchRule theApplicationKnowsNoHttpOrSql = noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "jakarta.servlet..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "javax.sql..");

    @ArchTest
    public static final ArchRule packagesHaveNoCycles =
            slices().matching("io.eventshop.*.(*)..").should().beFreeOfCycles();

    /** Services talk through events only; the shared libraries are the one thing they have in common. */
    @ArchTest
    public static final ArchRule aServiceDependsOnNoOtherService =
            classes().that().resideInAPackage("io.eventshop..").should(dependOnNoOtherService());

    private static ArchCondition<JavaClass> dependOnNoOtherService() {
        return new ArchCondition<>("depend on no other service, nor on the devstack") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = serviceOf(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("io.eventshop.")) {
                        String other = serviceOf(target);
                        if (!other.equals(own) && !SHARED.contains(other)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            }
        };
    }

    /** {@code order} for {@code io.eventshop.order.domain}. */
    static String serviceOf(String packageName) {
        String rest = packageName.substring("io.eventshop.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
