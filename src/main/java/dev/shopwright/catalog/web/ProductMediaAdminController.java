package dev.shopwright.catalog.web;

import java.io.IOException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.shopwright.catalog.CatalogManagement;
import dev.shopwright.catalog.ProductId;
import dev.shopwright.platform.ConsoleForms;
import dev.shopwright.platform.CurrentStore;

/** The media section of the product editor: upload, add by URL, alt text, order, delete. */
@Controller
class ProductMediaAdminController {

	private final CatalogManagement catalog;

	private final CurrentStore currentStore;

	private final MessageSource messages;

	private final ConsoleForms forms;

	ProductMediaAdminController(CatalogManagement catalog, CurrentStore currentStore, MessageSource messages,
			ConsoleForms forms) {
		this.catalog = catalog;
		this.currentStore = currentStore;
		this.messages = messages;
		this.forms = forms;
	}

	@PostMapping("/admin/products/{id}/media")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String alt, RedirectAttributes redirect) throws IOException {
		byte[] content = file.getBytes();
		return act(id, redirect, "catalog.media.added", () -> catalog.addMedia(currentStore.id(), new ProductId(id), content, alt));
	}

	@PostMapping("/admin/products/{id}/media/url")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String addByUrl(@PathVariable UUID id, @RequestParam String url, @RequestParam(required = false) @Nullable String alt,
			RedirectAttributes redirect) {
		return act(id, redirect, "catalog.media.added",
				() -> catalog.addMediaFromUrl(currentStore.id(), new ProductId(id), url, alt, null));
	}

	@PostMapping("/admin/products/{id}/media/{mediaId}")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String update(@PathVariable UUID id, @PathVariable UUID mediaId, @RequestParam(required = false) @Nullable String alt,
			@RequestParam(required = false) @Nullable Integer position, RedirectAttributes redirect) {
		return act(id, redirect, "catalog.media.saved",
				() -> catalog.updateMedia(currentStore.id(), new ProductId(id), mediaId, alt, position));
	}

	@PostMapping("/admin/products/{id}/media/{mediaId}/retry")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String retry(@PathVariable UUID id, @PathVariable UUID mediaId, RedirectAttributes redirect) {
		return act(id, redirect, "catalog.media.retrying", () -> catalog.retryMedia(currentStore.id(), new ProductId(id), mediaId));
	}

	@PostMapping("/admin/products/{id}/media/{mediaId}/delete")
	@PreAuthorize("hasAuthority('CATALOG_WRITE')")
	String delete(@PathVariable UUID id, @PathVariable UUID mediaId, RedirectAttributes redirect) {
		return act(id, redirect, "catalog.media.deleted", () -> catalog.deleteMedia(currentStore.id(), new ProductId(id), mediaId));
	}

	private String act(UUID product, RedirectAttributes redirect, String noticeKey, Runnable change) {
		forms.act(redirect, messages.getMessage(noticeKey, null, LocaleContextHolder.getLocale()), change);
		return "redirect:/admin/products/" + product + "#media-section";
	}
}
