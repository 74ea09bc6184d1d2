package dev.shopwright.inventory.forecasting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shopwright.platform.Deadlocks;
import dev.shopwright.shared.StoreId;
import dev.shopwright.stores.Store;
import dev.shopwright.stores.StoreManagement;

/**
 * Until orders exist, gives the demo store {@value #DAYS} days of sales history up to yesterday for every SKU, so that
 * forecasts, reorder points and charts show something real on the first start. The series are built from a base rate
 * per SKU, a trend, a weekly pattern (weekends higher), a yearly season from what the product is (jackets and beanies
 * in winter, shorts and tees in summer), promotions and Black Friday, and negative-binomial noise (a Poisson rate that
 * itself varies, as real demand does); some SKUs sell only now and then, some were launched later. Each SKU's series
 * comes from a random generator seeded by its SKU, so the history is the same on every start with the same end date.
 * Runs once per store (a flag in the settings row, taken under a row lock, so two nodes starting together seed once)
 * and tops the history up to yesterday on later starts; after writing, it queues a forecast job.
 */
@Component
// after the demo suppliers (30): the forecast job it queues reads their lead times, and while it writes reorder points
// to every SKU it must not race the suppliers' seeding, which writes lead times to the same rows in another order
@Order(40)
class DemoSalesHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSalesHistory.class);

	static final int DAYS = 400;

	/** Monday to Sunday. */
	private static final double[] WEEKDAY = { 0.85, 0.8, 0.85, 0.95, 1.1, 1.35, 1.2 };

	/** A product kind's yearly season: the day of the year it peaks and how far above and below the mean it swings. */
	record Season(int peakDayOfYear, double amplitude) {

		static final Season NONE = new Season(1, 0.05);

		double factor(LocalDate day) {
			return 1 + amplitude * Math.cos(2 * Math.PI * (day.getDayOfYear() - peakDayOfYear) / 365.25);
		}

		/** From the SKU's title: what a merchant of outdoor apparel would see. */
		static Season of(String title) {
			String t = title.toLowerCase(Locale.ROOT);
			if (t.contains("down jacket") || t.contains("beanie") || t.contains("fleece") || t.contains("glove")
					|| t.contains("parka") || t.contains("scarf")) {
				return new Season(355, 0.7); // late December
			}
			if (t.contains("rain jacket") || t.contains("jacket") || t.contains("coat")) {
				return new Season(290, 0.45); // October's rain
			}
			if (t.contains("shorts") || t.contains("t-shirt") || t.contains("tee") || t.contains("sandal")
					|| t.contains("swim")) {
				return new Season(185, 0.65); // early July
			}
			if (t.contains("tent") || t.contains("daypack")) {
				return new Season(160, 0.5); // the start of the hiking season
			}
			return NONE;
		}
	}

	private final Forecasts forecasts;

	private final DemandHistory history;

	private final Forecasting forecasting;

	private final StoreManagement stores;

	private final TransactionTemplate transactions;

	private final boolean demo;

	private final boolean recomputeOnStart;

	DemoSalesHistory(Forecasts forecasts, DemandHistory history, Forecasting forecasting, StoreManagement stores,
			TransactionTemplate transactions, @Value("${shopwright.demo.enabled:true}") boolean demo,
			@Value("${shopwright.forecasts.recompute-demo-on-start:true}") boolean recomputeOnStart) {
		this.recomputeOnStart = recomputeOnStart;
		this.forecasts = forecasts;
		this.history = history;
		this.forecasting = forecasting;
		this.stores = stores;
		this.transactions = transactions;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo && !args.containsOption("demo")) {
			return;
		}
		Store store = stores.findByReference("demo").orElse(null);
		if (store == null) {
			return;
		}
		long started = System.nanoTime();
		Integer rows = Deadlocks.retry("Demo sales history", () -> transactions.execute(status -> seed(store)));
		if (rows != null && rows > 0) {
			log.info("Demo sales history: {} days with sales in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
			if (recomputeOnStart) {
				forecasting.recomputeAll(store.id());
			}
		}
	}

	/**
	 * Seeds the store's history once; on later starts, tops it up with the days since the last seeded one, so that a
	 * demo left running for weeks does not look as if sales had stopped. A store with history of its own (not seeded
	 * here) is left alone. Returns the rows written.
	 */
	int seed(Store store) {
		StoreId id = store.id();
		boolean seededBefore = forecasts.lockDemoSeeding(id);
		if (!seededBefore && history.hasAny(id)) {
			return 0;
		}
		LocalDate end = LocalDate.now(store.timezone()).minusDays(1);
		LocalDate after = seededBefore ? history.lastDay(id).orElse(end) : null;
		if (after != null && !after.isBefore(end)) {
			return 0;
		}
		// a top-up continues the seeded SKUs only: products added since are the merchant's, not part of the demo
		java.util.Set<String> seededSkus = after == null ? java.util.Set.of() : history.skusWithHistory(id);
		List<DemandHistory.Sale> sales = new ArrayList<>();
		String afterSku = null;
		List<Forecasts.TrackedSku> page;
		while (!(page = forecasts.skus(id, afterSku, 500)).isEmpty()) {
			for (Forecasts.TrackedSku sku : page) {
				if (after != null && !seededSkus.contains(sku.sku())) {
					continue;
				}
				for (DemandHistory.Sale sale : series(sku.sku(), sku.title(), end)) {
					if (after == null || sale.day().isAfter(after)) {
						sales.add(sale);
					}
				}
			}
			afterSku = page.getLast().sku();
		}
		history.insertAll(id, sales);
		forecasts.markDemoSeeded(id);
		return sales.size();
	}

	/** One SKU's history: the days with sales from {@code end − DAYS + 1} to {@code end}. */
	static List<DemandHistory.Sale> series(String sku, String title, LocalDate end) {
		RandomDataGenerator random = new RandomDataGenerator(new MersenneTwister(sku.hashCode() * 31L + 7));
		double kind = random.nextUniform(0, 1);
		boolean slowMover = kind < 0.15;
		double base = slowMover ? random.nextUniform(0.03, 0.25) : Math.min(25, Math.exp(Math.log(1.6) + 0.75 * random.nextGaussian(0, 1)));
		double growthPerYear = random.nextUniform(-0.3, 0.5);
		// about one SKU in ten was launched during the year
		int firstDay = random.nextUniform(0, 1) < 0.1 ? random.nextInt(120, DAYS - 45) : 0;
		Season season = Season.of(title);
		double[] weekday = new double[7];
		for (int d = 0; d < 7; d++) {
			weekday[d] = WEEKDAY[d] * (1 + 0.05 * random.nextGaussian(0, 1));
		}
		LocalDate start = end.minusDays(DAYS - 1);
		double[] promotion = new double[DAYS];
		java.util.Arrays.fill(promotion, 1);
		int promotions = random.nextInt(2, 5);
		for (int p = 0; p < promotions; p++) {
			int from = random.nextInt(0, DAYS - 8);
			int length = random.nextInt(3, 7);
			double lift = random.nextUniform(1.6, 2.8);
			for (int t = from; t < from + length; t++) {
				promotion[t] = lift;
			}
		}
		blackFriday(start, end, promotion);
		// the day's rate varies around its expectation by a gamma factor of mean 1 (shape 4: ±50%), which makes the
		// units negative-binomial rather than Poisson, as real demand is
		GammaDistribution variation = new GammaDistribution(random.getRandomGenerator(), 4, 0.25);
		List<DemandHistory.Sale> sales = new ArrayList<>();
		for (int t = firstDay; t < DAYS; t++) {
			LocalDate day = start.plusDays(t);
			double rate = base * (1 + growthPerYear * (t - DAYS) / 365.0) * weekday[day.getDayOfWeek().getValue() - 1]
					* season.factor(day) * promotion[t];
			if (rate <= 0) {
				continue;
			}
			double varied = rate * variation.sample();
			long units = varied < 1e-9 ? 0 : random.nextPoisson(varied);
			if (units > 0) {
				sales.add(new DemandHistory.Sale(sku, day, (int) units));
			}
		}
		return sales;
	}

	/** Black Friday to Cyber Monday sells about two and a half times a normal day, every year in the range. */
	private static void blackFriday(LocalDate start, LocalDate end, double[] promotion) {
		for (int year = start.getYear(); year <= end.getYear(); year++) {
			LocalDate thanksgiving = LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
			for (int d = 1; d <= 4; d++) {
				long t = java.time.temporal.ChronoUnit.DAYS.between(start, thanksgiving.plusDays(d));
				if (t >= 0 && t < promotion.length) {
					promotion[(int) t] *= 2.5;
				}
			}
		}
	}
}
