// The segment rule editor: draws a rule ({"all":[…]}, {"any":[…]}, {"not":{…}}, {"field","op","value"})
// as groups and conditions to click together, from the fields and ops the page gives in data-catalog,
// and keeps the hidden "rule" input in step. Every change fires "rule-changed", which the live
// count (htmx, debounced) listens to. No inline scripts: the page's CSP is script-src 'self'.
(function () {
  'use strict';

  var editor = document.getElementById('rule-editor');
  var input = document.getElementById('segment-rule');
  var typeSelect = document.querySelector('[data-segment-type]');
  if (typeSelect) {
    typeSelect.addEventListener('change', function () {
      window.location.search = '?type=' + encodeURIComponent(typeSelect.value);
    });
  }
  if (!editor || !input) return;

  var catalog = JSON.parse(editor.dataset.catalog);
  var fields = {};
  catalog.fields.forEach(function (f) { fields[f.name] = f; });
  var words = catalog.words;

  function group(kind, negate, items) { return { group: true, kind: kind, negate: negate, items: items }; }

  function fromJson(json) {
    if (!json || typeof json !== 'object') return group('all', false, []);
    if (Array.isArray(json.all)) return group('all', false, json.all.map(fromJson));
    if (Array.isArray(json.any)) return group('any', false, json.any.map(fromJson));
    if (json.not) {
      var inner = fromJson(json.not);
      if (inner.group && !inner.negate) { inner.negate = true; return inner; }
      return group('all', true, [inner]);
    }
    return { field: json.field, op: json.op, value: json.value };
  }

  function toJson(node) {
    if (!node.group) {
      var c = { field: node.field, op: node.op };
      if (node.value !== undefined && node.value !== null && node.value !== '') c.value = node.value;
      return c;
    }
    var g = {};
    g[node.kind] = node.items.map(toJson);
    return node.negate ? { not: g } : g;
  }

  var root;
  try { root = fromJson(input.value ? JSON.parse(input.value) : null); } catch (e) { root = group('all', false, []); }
  if (!root.group) root = group('all', false, [root]);

  function changed() {
    input.value = JSON.stringify(toJson(root));
    document.body.dispatchEvent(new CustomEvent('rule-changed', { bubbles: true }));
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function select(options, value, label) {
    var s = el('select', { 'aria-label': label });
    options.forEach(function (o) {
      var opt = el('option', { value: o.value }, o.label);
      if (String(o.value) === String(value)) opt.selected = true;
      s.appendChild(opt);
    });
    return s;
  }

  function button(text, cls, onClick) {
    var b = el('button', { type: 'button', 'class': 'link-button ' + (cls || '') }, text);
    b.addEventListener('click', function () { onClick(); render(); changed(); });
    return b;
  }

  function inputType(field) {
    if (field.type === 'number') return 'number';
    if (field.type === 'date' || field.type === 'timestamp') return 'date';
    return 'text';
  }

  function typed(field, text) {
    if (field.type === 'number' && text !== '' && !isNaN(Number(text))) return Number(text);
    return text;
  }

  function defaultValue(field, op) {
    if (op === 'exists') return true;
    if (op === 'withinLastDays') return 30;
    if (op === 'between') return ['', ''];
    if (op === 'in') return field.choices.length ? [field.choices[0].value] : [];
    return field.choices.length ? field.choices[0].value : '';
  }

  function valueInput(node, field) {
    var box = el('span', { 'class': 'rule-value' });
    var op = node.op;
    if (op === 'exists') {
      var yesNo = select([{ value: 'true', label: words.yes }, { value: 'false', label: words.no }], String(node.value !== false), field.label);
      yesNo.addEventListener('change', function () { node.value = yesNo.value === 'true'; changed(); });
      box.appendChild(yesNo);
    } else if (op === 'withinLastDays') {
      var days = el('input', { type: 'number', min: '1', step: '1', 'aria-label': words.days, 'class': 'days' });
      days.value = node.value;
      days.addEventListener('input', function () { node.value = parseInt(days.value, 10) || days.value; changed(); });
      box.appendChild(days);
      box.appendChild(el('span', {}, words.days));
    } else if (op === 'between') {
      var range = Array.isArray(node.value) ? node.value : ['', ''];
      node.value = range;
      [0, 1].forEach(function (i) {
        var part = el('input', { type: inputType(field), step: 'any', 'aria-label': i === 0 ? words.from : words.to });
        part.value = range[i];
        part.addEventListener('input', function () { range[i] = typed(field, part.value); changed(); });
        box.appendChild(part);
      });
    } else if (op === 'in' && field.choices.length) {
      var many = el('select', { multiple: 'multiple', 'aria-label': field.label });
      var chosen = Array.isArray(node.value) ? node.value : [];
      field.choices.forEach(function (c) {
        var opt = el('option', { value: c.value }, c.label);
        opt.selected = chosen.indexOf(c.value) >= 0;
        many.appendChild(opt);
      });
      many.addEventListener('change', function () {
        node.value = Array.prototype.filter.call(many.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        changed();
      });
      box.appendChild(many);
    } else if (op === 'in') {
      var list = el('input', { type: 'text', placeholder: words.listHint, 'aria-label': field.label });
      list.value = Array.isArray(node.value) ? node.value.join(', ') : '';
      list.addEventListener('input', function () {
        node.value = list.value.split(',').map(function (v) { return typed(field, v.trim()); }).filter(function (v) { return v !== ''; });
        changed();
      });
      box.appendChild(list);
    } else if (field.choices.length) {
      var one = select(field.choices, node.value, field.label);
      if (node.value === undefined || node.value === '') node.value = one.value;
      one.addEventListener('change', function () { node.value = one.value; changed(); });
      box.appendChild(one);
    } else {
      var text = el('input', { type: inputType(field), step: 'any', 'aria-label': field.label });
      text.value = node.value === undefined || node.value === null ? '' : node.value;
      text.addEventListener('input', function () { node.value = typed(field, text.value); changed(); });
      box.appendChild(text);
    }
    return box;
  }

  function drawCondition(node, parent) {
    var row = el('div', { 'class': 'rule-condition' });
    var field = fields[node.field] || catalog.fields[0];
    if (!fields[node.field]) { node.field = field.name; node.op = field.ops[0]; node.value = defaultValue(field, node.op); }
    var fieldSelect = select(catalog.fields.map(function (f) { return { value: f.name, label: f.label }; }), field.name, field.label);
    fieldSelect.classList.add('rule-field');
    fieldSelect.addEventListener('change', function () {
      var f = fields[fieldSelect.value];
      node.field = f.name;
      if (f.ops.indexOf(node.op) < 0) node.op = f.ops[0];
      node.value = defaultValue(f, node.op);
      render(); changed();
    });
    var opSelect = select(field.ops.map(function (o) { return { value: o, label: catalog.ops[o] }; }), node.op, catalog.ops[node.op]);
    opSelect.classList.add('rule-op');
    opSelect.addEventListener('change', function () {
      node.op = opSelect.value;
      node.value = defaultValue(field, node.op);
      render(); changed();
    });
    row.appendChild(fieldSelect);
    row.appendChild(opSelect);
    row.appendChild(valueInput(node, field));
    row.appendChild(button(words.remove, 'remove', function () { parent.items.splice(parent.items.indexOf(node), 1); }));
    return row;
  }

  function drawGroup(node, parent) {
    var box = el('div', { 'class': 'rule-group' + (node.negate ? ' negated' : '') });
    var head = el('div', { 'class': 'rule-group-head' });
    var kind = select([{ value: 'all', label: words.all }, { value: 'any', label: words.any }], node.kind, words.all);
    kind.addEventListener('change', function () { node.kind = kind.value; changed(); });
    var notLabel = el('label', { 'class': 'check' });
    var not = el('input', { type: 'checkbox' });
    not.checked = node.negate;
    not.addEventListener('change', function () { node.negate = not.checked; render(); changed(); });
    notLabel.appendChild(not);
    notLabel.appendChild(el('span', {}, words.not));
    head.appendChild(kind);
    head.appendChild(notLabel);
    if (parent) head.appendChild(button(words.remove, 'remove', function () { parent.items.splice(parent.items.indexOf(node), 1); }));
    box.appendChild(head);
    node.items.forEach(function (item) { box.appendChild(item.group ? drawGroup(item, node) : drawCondition(item, node)); });
    var actions = el('div', { 'class': 'rule-actions' });
    actions.appendChild(button(words.addCondition, 'add-condition', function () {
      var f = catalog.fields[0];
      node.items.push({ field: f.name, op: f.ops[0], value: defaultValue(f, f.ops[0]) });
    }));
    actions.appendChild(button(words.addGroup, 'add-group', function () { node.items.push(group('any', false, [])); }));
    box.appendChild(actions);
    return box;
  }

  function render() {
    editor.replaceChildren(drawGroup(root, null));
  }

  render();
  input.value = JSON.stringify(toJson(root));
})();
