package dev.shopwright.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.testing.ShopwrightTest;

/** Tables filled before PostgreSQL has statistics for them get them; tables with statistics are left alone. */
@ShopwrightTest
class PlannerStatisticsTests {

	@Autowired
	PlannerStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void createTable() {
		jdbc.sql("create table public.planner_probe (id integer primary key, store_id integer not null)").update();
	}

	@AfterEach
	void dropTable() {
		jdbc.sql("drop table public.planner_probe").update();
	}

	@Test
	void aTableFilledInTheSameTransactionIsAnalyzedWithItsUncommittedRows() {
		assertThat(reltuples()).isNegative(); // never analyzed

		transactions.executeWithoutResult(status -> {
			jdbc.sql("insert into public.planner_probe select n, n % 3 from generate_series(1, 500) n").update();
			statistics.gatherWhereMissing("public.planner_probe");
		});

		assertThat(reltuples()).isEqualTo(500);
		assertThat(jdbc.sql("select n_distinct from pg_stats where schemaname = 'public' and tablename = 'planner_probe' "
				+ "and attname = 'store_id'").query(Float.class).single()).isEqualTo(3);
	}

	@Test
	void aTableWithStatisticsIsNotAnalyzedAgain() {
		jdbc.sql("insert into public.planner_probe select n, 1 from generate_series(1, 100) n").update();
		statistics.gatherWhereMissing("public.planner_probe");
		jdbc.sql("insert into public.planner_probe select n, 1 from generate_series(101, 300) n").update(); // 2 pages of 1

		statistics.gatherWhereMissing("public.planner_probe");

		// one ANALYZE of ours (autovacuum's would count as autoanalyze_count): from here autovacuum keeps them current
		assertThat(jdbc.sql("select analyze_count from pg_stat_user_tables where relid = 'public.planner_probe'::regclass")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aTableThatGrewFourfoldSinceItsStatisticsGetsNewOnes() {
		jdbc.sql("insert into public.planner_probe select n, 1 from generate_series(1, 100) n").update();
		statistics.gatherWhereMissing("public.planner_probe");
		jdbc.sql("insert into public.planner_probe select n, 1 from generate_series(101, 5000) n").update();

		statistics.gatherWhereMissing("public.planner_probe");

		assertThat(reltuples()).isEqualTo(5000);
	}

	@Test
	void onlySchemaQualifiedNamesAreTaken() {
		assertThatThrownBy(() -> statistics.gatherWhereMissing("planner_probe; drop table x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private float reltuples() {
		return jdbc.sql("select reltuples from pg_class where oid = 'public.planner_probe'::regclass").query(Float.class)
			.single();
	}
}
