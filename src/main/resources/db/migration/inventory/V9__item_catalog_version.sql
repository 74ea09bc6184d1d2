-- The catalog version of the product a mirrored SKU was last written from (ADR 0020). Import batches carry their
-- products in the event, so an event handled late must not overwrite what a later change already wrote: the
-- mirror only moves forward (or to another product). A deleted product's SKUs get the highest version, so that
-- nothing announced before the deletion brings them back. Null: written before this column existed.
alter table inventory.item add column catalog_version integer;
