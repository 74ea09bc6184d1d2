// Draws a SKU's sales history and forecast (with its 80% band) from the data the page carries on the canvas:
// on the forecast page when it loads, and on the SKU's stock page when htmx brings the chart in.
function drawForecastCharts() {
  document.querySelectorAll('canvas.forecast-chart').forEach(drawForecastChart);
}

function drawForecastChart(canvas) {
  if (canvas.dataset.rendered === 'true' || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.dataset.chart);
  canvas.chart = new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: 'bar', label: 'Units sold', data: data.sold, backgroundColor: 'rgba(71, 85, 105, 0.55)', order: 3 },
        { type: 'line', label: 'Band low', data: data.lower, borderWidth: 0, pointRadius: 0, fill: false, order: 2 },
        { type: 'line', label: '80% band', data: data.upper, borderWidth: 0, pointRadius: 0, fill: '-1',
          backgroundColor: 'rgba(37, 99, 235, 0.15)', order: 2 },
        { type: 'line', label: 'Forecast', data: data.forecast, borderColor: 'rgb(37, 99, 235)', borderWidth: 2,
          pointRadius: 0, fill: false, order: 1 }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { beginAtZero: true, title: { display: true, text: 'units per day' } } },
      plugins: { legend: { labels: { filter: function (item) { return item.text !== 'Band low'; } } } }
    }
  });
  canvas.dataset.rendered = 'true';
}

document.addEventListener('DOMContentLoaded', drawForecastCharts);
document.addEventListener('htmx:afterSettle', drawForecastCharts);
