// Guided hold timer and rep counter for the routine page. Each "Start" runs one hold of the
// prescribed length; when it ends the rep count goes up and the reps field follows it.
(function () {
  'use strict';

  document.querySelectorAll('[data-exercise]').forEach(function (card) {
    var hold = parseInt(card.getAttribute('data-hold'), 10) || 1;
    var start = card.querySelector('[data-timer-start]');
    var countdown = card.querySelector('[data-countdown]');
    var counter = card.querySelector('[data-rep-count]');
    var reps = card.querySelector('[data-reps]');
    var done = 0;
    var timer = null;

    start.addEventListener('click', function () {
      if (timer) { return; }
      var left = hold;
      countdown.textContent = 'Hold… ' + left + ' s';
      start.disabled = true;
      timer = setInterval(function () {
        left -= 1;
        if (left > 0) {
          countdown.textContent = 'Hold… ' + left + ' s';
          return;
        }
        clearInterval(timer);
        timer = null;
        done += 1;
        counter.textContent = String(done);
        reps.value = String(done);
        countdown.textContent = 'Release. Rep ' + done + ' done.';
        start.disabled = false;
        start.textContent = 'Next rep: ' + hold + '-second hold';
      }, 1000);
    });
  });

  // Preselect the browser's own time zone on the enrolment form.
  var zone = document.querySelector('[data-detect-zone]');
  if (zone && window.Intl) {
    var id = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (id && zone.querySelector('option[value="' + id + '"]')) { zone.value = id; }
  }
})();
