// As-you-type suggestions under the storefront's search box: popular searches and products from
// /api/store/v1/search/suggest. A query suggestion searches for it, a product suggestion opens it.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('search-box');
  const list = document.getElementById('search-suggestions');
  if (!box || !list) return;
  const lang = box.form.querySelector('input[name=lang]');
  let timer = null;
  let asked = 0;
  const hide = () => { list.hidden = true; list.replaceChildren(); };
  const show = (suggestions) => {
    list.replaceChildren();
    suggestions.forEach(s => {
      const item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.className = 'suggestion suggestion-' + s.kind;
      const link = document.createElement('a');
      const params = new URLSearchParams(s.kind === 'query' ? { q: s.title } : {});
      if (lang) params.set('lang', lang.value);
      const query = params.toString();
      link.href = (s.kind === 'query' ? '/search' : '/products/' + encodeURIComponent(s.handle)) + (query ? '?' + query : '');
      link.textContent = s.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = suggestions.length === 0;
  };
  box.addEventListener('input', () => {
    clearTimeout(timer);
    const typed = box.value.trim();
    if (typed.length < 2) { hide(); return; }
    timer = setTimeout(async () => {
      const ticket = ++asked;
      const params = new URLSearchParams({ q: typed });
      if (lang) params.set('lang', lang.value);
      try {
        const response = await fetch('/api/store/v1/search/suggest?' + params, { headers: { Accept: 'application/json' } });
        if (ticket === asked && response.ok) show(await response.json());
      } catch (e) { hide(); }
    }, 150);
  });
  box.addEventListener('keydown', e => { if (e.key === 'Escape') hide(); });
  document.addEventListener('click', e => { if (!box.form.contains(e.target)) hide(); });
});
