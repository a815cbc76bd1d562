package com.runway.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Modules talk only through the contracts: each deployable may use {@code contracts} and nothing of
 * another deployable, so that each can run as a service of its own.
 */
@AnalyzeClasses(packages = "com.runway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CONTRACTS = {"com.runway.*.api..", "com.runway.shared.."};
    static final String[] COMMAND_SIDE = {"com.runway.*.command..", "com.runway.commandside.."};
    static final String[] SAGAS = {"com.runway.*.saga..", "com.runway.sagas.."};
    static final String[] QUERY_SIDE = {"com.runway.*.query..", "com.runway.projection.admin..", "com.runway.queryside.."};
    static final String[] GATEWAY = {"com.runway.*.web..", "com.runway.gateway.."};
    static final String[] STANDALONE = {"com.runway.standalone.."};

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule contractsDependOnNoModule = noClasses().that().resideInAnyPackage(CONTRACTS)
            .should().dependOnClassesThat().resideInAnyPackage(concat(COMMAND_SIDE, SAGAS, QUERY_SIDE, GATEWAY, STANDALONE));

    @ArchTest
    static final ArchRule commandSideDependsOnlyOnContracts = noClasses().that().resideInAnyPackage(COMMAND_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(concat(SAGAS, QUERY_SIDE, GATEWAY, STANDALONE));

    @ArchTest
    static final ArchRule sagasDependOnlyOnContracts = noClasses().that().resideInAnyPackage(SAGAS)
            .should().dependOnClassesThat().resideInAnyPackage(concat(COMMAND_SIDE, QUERY_SIDE, GATEWAY, STANDALONE));

    @ArchTest
    static final ArchRule querySideDependsOnlyOnContracts = noClasses().that().resideInAnyPackage(QUERY_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(concat(COMMAND_SIDE, SAGAS, GATEWAY, STANDALONE));

    @ArchTest
    static final ArchRule gatewayDependsOnlyOnContracts = noClasses().that().resideInAnyPackage(GATEWAY)
            .should().dependOnClassesThat().resideInAnyPackage(concat(COMMAND_SIDE, SAGAS, QUERY_SIDE, STANDALONE));

    @ArchTest
    static final ArchRule boundedContextsKeepTheirAggregatesApart = slices().matching("com.runway.(*).command..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule readModelsKeepTheirProjectionsApart = slices().matching("com.runway.(*).query..")
            .should().notDependOnEachOther();
}
