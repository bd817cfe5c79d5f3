// Follows a running roster upload: polls the page's progress handler, updates the bar and the counts,
// and reloads the page once the upload has finished so its result and refused lines show.
(function () {
  const section = document.querySelector('[data-testid="import"]');
  if (!section) return;
  const id = section.getAttribute('data-import-id');
  const bar = document.getElementById('import-progress');
  const processed = section.querySelector('[data-testid="import-processed"]');
  const fields = { created: 'import-created', moved: 'import-moved', unchanged: 'import-unchanged', rejected: 'import-rejected' };
  const format = new Intl.NumberFormat('en');

  async function poll() {
    try {
      const response = await fetch('?handler=Progress&import=' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const status = await response.json();
        bar.value = status.processed;
        processed.textContent = format.format(status.processed);
        for (const [key, testId] of Object.entries(fields)) {
          const cell = section.querySelector('[data-testid="' + testId + '"]');
          if (cell) cell.textContent = format.format(status[key]);
        }
        if (String(status.phase).toLowerCase() !== 'running' && status.phase !== 0) {
          window.location.replace('?import=' + encodeURIComponent(id));
          return;
        }
      }
    } catch (e) {
      // A failed poll is tried again; the Refresh link still works.
    }
    setTimeout(poll, 1000);
  }

  setTimeout(poll, 1000);
})();
