// Variant picker: disables option values that no sellable variant offers together with the other choices
// (sold-out variants included: "unavailable combinations disabled"), starts on a sellable variant, shows the
// chosen variant's price and availability, and disables "Add to cart" for a sold-out one.
// Works without it too (the form lists every value).
document.addEventListener('DOMContentLoaded', () => {
  const product = document.querySelector('article.product[data-variants]');
  const form = document.getElementById('variant-picker');
  if (!product || !form) return;
  const variants = JSON.parse(product.dataset.variants);
  const selects = Array.from(form.querySelectorAll('select'));
  const status = document.getElementById('availability');
  const button = document.getElementById('add-to-cart');
  const chosen = () => selects.map(s => s.value);
  const matches = (v, wanted) => v.options.every((value, i) => value === wanted[i]);
  const firstSellable = variants.find(v => v.available);
  if (firstSellable && selects.length) {
    selects.forEach((select, i) => { select.value = firstSellable.options[i]; });
  }
  const update = () => {
    const current = chosen();
    selects.forEach((select, index) => {
      Array.from(select.options).forEach(option => {
        const wanted = current.slice();
        wanted[index] = option.value;
        option.disabled = !variants.some(v => v.available && matches(v, wanted));
      });
    });
    const match = variants.find(v => matches(v, current));
    document.getElementById('variant-id').value = match ? match.id : '';
    if (match) document.getElementById('price-amount').textContent = match.price;
    const sellable = !!(match && match.available);
    if (button) button.disabled = !sellable;
    if (status) status.textContent = sellable ? status.dataset.inStock : status.dataset.soldOut;
  };
  selects.forEach(select => select.addEventListener('change', update));
  update();
});
