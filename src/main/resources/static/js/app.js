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

  // A document line shown with a product: choosing another product empties the name, unit, price and
  // VAT that came from the old one, so the new product's are used. Without this they stay as typed.
  document.addEventListener('change', function (event) {
    var select = event.target;
    var row = select.closest && select.closest('.line-row[data-product]');
    if (!row || !/\.productId$/.test(select.name)) return;
    row.querySelectorAll('input[type=text]').forEach(function (input) {
      if (/\.(description|unit|unitPrice)$/.test(input.name)) input.value = '';
    });
    var tax = row.querySelector('select[name$=".taxRate"]');
    if (tax) tax.value = '';
    row.removeAttribute('data-product');
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
  // Sales board. Every move posts the board's one move form (#board-move) with the card and the stage,
  // whether a card was dropped on another column or moved from the keyboard: a card's Move link opens
  // the move dialog (without JavaScript it leads to the opportunity's page, which has a move form).
  // htmx then swaps in the new board, and the focus returns to the moved card.
  var dragged = null;
  var movedCard = null;
  function moveCard(id, stage) {
    var form = document.getElementById('board-move');
    var card = document.querySelector('li[data-card="' + id + '"]');
    var column = card && card.closest('.board-column[data-stage]');
    if (!form || !column || column.dataset.stage === stage) return;
    form.elements.opportunityId.value = id;
    form.elements.stageId.value = stage;
    movedCard = id;
    form.requestSubmit();
  }
  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest && event.target.closest('[data-card][draggable=true]');
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.dataset.card);
    card.classList.add('dragging');
  });
  document.addEventListener('dragend', function () {
    if (dragged) dragged.classList.remove('dragging');
    dragged = null;
    document.querySelectorAll('.board-column.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
  });
  document.addEventListener('dragover', function (event) {
    var column = event.target.closest && event.target.closest('.board-column[data-stage]');
    if (!column || !dragged) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    document.querySelectorAll('.board-column.drop-target').forEach(function (c) { if (c !== column) c.classList.remove('drop-target'); });
    column.classList.add('drop-target');
  });
  document.addEventListener('drop', function (event) {
    var column = event.target.closest && event.target.closest('.board-column[data-stage]');
    if (!column) return;
    event.preventDefault();
    column.classList.remove('drop-target');
    var id = event.dataTransfer.getData('text/plain') || (dragged && dragged.dataset.card);
    if (id) moveCard(id, column.dataset.stage);
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-move]');
    var dialog = document.getElementById('move-dialog');
    if (!link || !dialog || !dialog.showModal) return;
    event.preventDefault();
    var card = link.closest('[data-card]');
    var select = dialog.querySelector('select');
    dialog.dataset.opportunity = card.dataset.card;
    dialog.querySelector('.move-dialog-name').textContent = card.querySelector('.deal-name').textContent;
    select.value = card.closest('.board-column').dataset.stage;
    dialog.returnValue = '';
    dialog.onclose = function () {
      if (dialog.returnValue === 'move') {
        moveCard(dialog.dataset.opportunity, select.value);
      } else {
        link.focus();
      }
    };
    dialog.showModal();
    select.focus();
  });
  document.addEventListener('htmx:afterSettle', function () {
    if (!movedCard) return;
    var link = document.querySelector('[data-card="' + movedCard + '"] [data-move]');
    movedCard = null;
    if (link) link.focus();
  });
  // A person picker that adds to a list (the buying center) names its radios after that list's input.
  document.addEventListener('htmx:afterSwap', function (event) {
    var target = event.detail && event.detail.target;
    var name = target && target.dataset && target.dataset.renameRadios;
    if (!name) return;
    target.querySelectorAll('input[type=radio]').forEach(function (radio) { radio.name = name; });
  });

})();
