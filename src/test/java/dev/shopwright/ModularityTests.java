package dev.shopwright;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md hold, and the module documentation under docs/modules is drawn from them. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ShopwrightApplication.class);

	@Test
	void modulesRespectTheirAllowedDependencies() {
		modules.verify();
	}

	@Test
	void theFoundationModulesExist() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("platform", "identity", "stores", "storefront");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		assertThat(new java.io.File("docs/modules/components.puml")).exists();
	}
}
