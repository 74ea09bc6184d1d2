package dev.shopwright.inventory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A transfer to create: from one location to another, SKUs and quantities. */
public record TransferDraft(@NotNull LocationId originId, @NotNull LocationId destinationId,
		@NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines, @Size(max = 2000) @Nullable String note) {

	public record Line(@NotBlank @Size(max = 255) String sku, @Min(1) @Max(InventoryManagement.MAX_QUANTITY) int quantity) {
	}
}
