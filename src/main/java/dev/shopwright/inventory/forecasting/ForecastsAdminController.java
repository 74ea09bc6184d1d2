package dev.shopwright.inventory.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.shopwright.platform.BusinessRuleViolation;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;
import dev.shopwright.shared.StoreId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Forecasts screens: the overview (worst forecasts first, the recompute button with a progress bar that htmx
 * refreshes while the job runs, the service-level setting) and a SKU's forecast with its chart.
 */
@Controller
class ForecastsAdminController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The settings form: the service level in percent, as merchants say it. */
	record SettingsForm(@NotNull @DecimalMin(value = "50.0", message = "between 50 and 99.9")
			@DecimalMax(value = "99.9", message = "between 50 and 99.9") BigDecimal serviceLevelPercent,
			@NotNull @Min(value = 1, message = "between 1 and 180") @Max(value = 180, message = "between 1 and 180")
			Integer reviewDays) {
	}

	private final Forecasting forecasting;

	private final CurrentStore currentStore;

	private final ConsoleForms forms;

	private final MessageSource messages;

	ForecastsAdminController(Forecasting forecasting, CurrentStore currentStore, ConsoleForms forms,
			MessageSource messages) {
		this.forecasting = forecasting;
		this.currentStore = currentStore;
		this.forms = forms;
		this.messages = messages;
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	@ModelAttribute("canWrite")
	boolean canWrite() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(authority -> "INVENTORY_WRITE".equals(authority.getAuthority()));
	}

	@GetMapping(path = "/admin/inventory/forecasts", params = "!sku")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String overview(@RequestParam(required = false) @Nullable String cursor, Model model) {
		StoreId store = currentStore.id();
		var page = forecasting.byAccuracy(store, cursor, 50);
		model.addAttribute("forecasts", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("run", forecasting.latestRun(store));
		if (!model.containsAttribute("settings")) {
			ForecastSettings settings = forecasting.settings(store);
			model.addAttribute("settings", new SettingsForm(
					BigDecimal.valueOf(settings.serviceLevel() * 100).setScale(1, RoundingMode.HALF_UP), settings.reviewDays()));
		}
		return "inventory/forecasting/overview";
	}

	/** The progress panel alone, polled by the overview while a job runs. */
	@GetMapping("/admin/inventory/forecasts/progress")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String progress(Model model) {
		model.addAttribute("run", forecasting.latestRun(currentStore.id()));
		return "inventory/forecasting/overview :: progress";
	}

	@PostMapping("/admin/inventory/forecasts/recompute")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String recompute(@RequestParam(required = false) @Nullable String sku, RedirectAttributes redirect) {
		StoreId store = currentStore.id();
		if (sku != null && !sku.isBlank()) {
			forms.act(redirect, text("forecasts.notice.recomputed"), () -> forecasting.recompute(store, sku));
			return "redirect:" + skuPage(sku);
		}
		forms.act(redirect, text("forecasts.notice.recomputing"), () -> forecasting.recomputeAll(store));
		return "redirect:/admin/inventory/forecasts";
	}

	@PostMapping("/admin/inventory/forecasts/settings")
	@PreAuthorize("hasAuthority('INVENTORY_WRITE')")
	String settings(@ModelAttribute("settings") SettingsForm form, Model model, RedirectAttributes redirect) {
		boolean saved = forms.submit(form, () -> forecasting.updateSettings(currentStore.id(), new ForecastSettings(
				form.serviceLevelPercent().doubleValue() / 100, form.reviewDays())), model);
		if (!saved) {
			return overview(null, model);
		}
		redirect.addFlashAttribute("notice", text("forecasts.notice.saved"));
		return "redirect:/admin/inventory/forecasts";
	}

	@GetMapping(path = "/admin/inventory/forecasts", params = "sku")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String sku(@RequestParam String sku, Model model) {
		try {
			SkuForecast forecast = forecasting.forecast(currentStore.id(), sku.strip());
			model.addAttribute("forecast", forecast);
			model.addAttribute("chart", JSON.writeValueAsString(chartData(forecast)));
			return "inventory/forecasting/sku";
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("error", ex.getMessage());
			return overview(null, model);
		}
	}

	/** The chart alone, for the SKU's stock page (loaded there by htmx). */
	@GetMapping("/admin/inventory/forecasts/chart")
	@PreAuthorize("hasAuthority('INVENTORY_READ')")
	String chart(@RequestParam String sku, Model model) {
		try {
			SkuForecast forecast = forecasting.forecast(currentStore.id(), sku.strip());
			model.addAttribute("forecast", forecast);
			model.addAttribute("chart", JSON.writeValueAsString(chartData(forecast)));
		}
		catch (BusinessRuleViolation ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "inventory/forecasting/sku :: chart";
	}

	/** What the chart script draws: one label per day, history then forecast, and the reorder point line. */
	static Map<String, Object> chartData(SkuForecast forecast) {
		List<SkuForecast.DailyUnits> history = forecast.history().recent();
		List<SkuForecast.Point> points = forecast.forecast();
		int length = history.size() + points.size();
		List<String> labels = new java.util.ArrayList<>(length);
		List<@Nullable Double> sold = new java.util.ArrayList<>(length);
		List<@Nullable Double> mean = new java.util.ArrayList<>(length);
		List<@Nullable Double> lower = new java.util.ArrayList<>(length);
		List<@Nullable Double> upper = new java.util.ArrayList<>(length);
		for (SkuForecast.DailyUnits day : history) {
			labels.add(day.date().toString());
			sold.add((double) day.units());
			mean.add(null);
			lower.add(null);
			upper.add(null);
		}
		for (SkuForecast.Point point : points) {
			labels.add(point.date().toString());
			sold.add(null);
			mean.add(point.units());
			lower.add(point.lower());
			upper.add(point.upper());
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", labels);
		chart.put("sold", sold);
		chart.put("forecast", mean);
		chart.put("lower", lower);
		chart.put("upper", upper);
		return chart;
	}

	static String skuPage(String sku) {
		return UriComponentsBuilder.fromPath("/admin/inventory/forecasts").queryParam("sku", sku).encode().build()
			.toUriString();
	}
}
