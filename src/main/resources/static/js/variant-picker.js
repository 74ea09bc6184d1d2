// Variant picker: disables option values that no variant offers together with the other choices,
// and shows the chosen variant's price. Works without it too (the form lists every value).
document.addEventListener('DOMContentLoaded', () => {
  const product = document.querySelector('article.product[data-variants]');
  const form = document.getElementById('variant-picker');
  if (!product || !form) return;
  const variants = JSON.parse(product.dataset.variants);
  const selects = Array.from(form.querySelectorAll('select'));
  const chosen = () => selects.map(s => s.value);
  const update = () => {
    const current = chosen();
    selects.forEach((select, index) => {
      Array.from(select.options).forEach(option => {
        const wanted = current.slice();
        wanted[index] = option.value;
        option.disabled = !variants.some(v => v.options.every((value, i) => value === wanted[i]));
      });
    });
    const match = variants.find(v => v.options.every((value, i) => value === current[i]));
    document.getElementById('variant-id').value = match ? match.id : '';
    if (match) document.getElementById('price-amount').textContent = match.price;
  };
  selects.forEach(select => select.addEventListener('change', update));
  update();
});
