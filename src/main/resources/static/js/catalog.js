// Product list: the header checkbox selects or clears every row shown (rows loaded later with htmx included).
document.addEventListener('change', function (event) {
  if (event.target && event.target.id === 'select-all') {
    document.querySelectorAll('#products-table input.select-row').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});
