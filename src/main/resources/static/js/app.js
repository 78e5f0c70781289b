// Sen CRM: small enhancements on top of server-rendered pages. Every page works without them.
(function () {
  'use strict';

  // On a phone the list matters more than its filters: they start folded away.
  if (window.matchMedia('(max-width: 860px)').matches) {
    document.querySelectorAll('details.filter-box').forEach(function (box) { box.open = false; });
  }

  // "Add another email / phone / address": copy the group's <template> row, numbered after the last row.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-add-row]');
    if (!button) return;
    var template = document.getElementById(button.dataset.addRow);
    var rows = document.getElementById(button.dataset.rows);
    rows.insertAdjacentHTML('beforeend', template.innerHTML.replace(/INDEX/g, String(rows.children.length)));
    var first = rows.lastElementChild && rows.lastElementChild.querySelector('input');
    if (first) first.focus();
  });

  // Pickers of several persons (customers at a meeting): a ticked match moves up to the chosen
  // ones, so the next search does not wipe it out. Without this, the last search's ticks count.
  document.addEventListener('change', function (event) {
    var box = event.target;
    var found = box.closest && box.closest('[data-keep-in]');
    if (!found || box.type !== 'checkbox' || !box.checked) return;
    var chosen = document.getElementById(found.dataset.keepIn);
    var label = box.closest('label');
    if (Array.prototype.some.call(chosen.querySelectorAll('input'), function (i) { return i.value === box.value; })) {
      label.remove();
    } else {
      chosen.appendChild(label);
    }
  });

  // Forms that delete or revoke something ask first.
  document.addEventListener('submit', function (event) {
    var question = event.target.dataset && event.target.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  document.addEventListener('keydown', function (event) {
    // Enter in a picker (organization, person) searches; it must not submit the surrounding form.
    if (event.key === 'Enter' && event.target.closest('.picker input[type=search]')) event.preventDefault();
    // Escape closes the search results and any open menu.
    if (event.key === 'Escape') {
      closeLiveResults();
      document.querySelectorAll('details.menu[open]').forEach(function (menu) { menu.open = false; });
    }
  });

  // A click elsewhere closes the search results and the user menu.
  document.addEventListener('click', function (event) {
    if (!event.target.closest('.global-search')) closeLiveResults();
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });

  function closeLiveResults() {
    var live = document.getElementById('search-live');
    if (live) live.innerHTML = '';
  }
})();
