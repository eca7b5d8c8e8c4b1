package dev.hindsight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries. Each direct sub-package of {@code dev.hindsight} is a module; its {@code internal} and
 * {@code web} sub-packages are its own, other modules use only its top-level package. Engines are plain Java.
 */
class ModularityTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hindsight");

    @Test
    void enginesUseOnlyTheJdk() {
        noClasses()
                .that()
                .resideInAPackage("dev.hindsight.engines..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "javax.xml..", "org.w3c..", "org.xml..", "dev.hindsight.engines..")
                .because("engines are plain Java: no framework, database or web imports")
                .check(CLASSES);
    }

    @Test
    void enginesDependOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.hindsight.engines..")
                .should()
                .dependOnClassesThat(moduleOtherThan("engines"))
                .check(CLASSES);
    }

    @Test
    void commandLineRunsWithoutSpring() {
        noClasses()
                .that()
                .resideInAPackage("dev.hindsight.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void modulesUseOnlyEachOthersTopLevelApi() {
        classes().should(onlyReachOtherModulesThroughTheirApi()).check(CLASSES);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.hindsight.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheApplicationSitsAtTheTop() {
        classes()
                .that()
                .resideInAPackage("dev.hindsight")
                .should()
                .haveSimpleNameStartingWith("HindsightApplication")
                .check(CLASSES);
    }

    static String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("dev.hindsight.")) {
            return null;
        }
        String rest = name.substring("dev.hindsight.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DescribedPredicate<JavaClass> moduleOtherThan(String module) {
        return DescribedPredicate.describe("belong to a module other than " + module, type -> {
            String other = moduleOf(type);
            return other != null && !other.equals(module);
        });
    }

    private static ArchCondition<JavaClass> onlyReachOtherModulesThroughTheirApi() {
        return new ArchCondition<>("only use other modules' top-level packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = moduleOf(origin);
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String module = moduleOf(target);
                    if (module == null || module.equals(own)) {
                        return;
                    }
                    String pkg = target.getPackageName();
                    String api = "dev.hindsight." + module;
                    boolean hidden = !pkg.equals(api) && !module.equals("engines") && !module.equals("shared");
                    if (hidden) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }
}
