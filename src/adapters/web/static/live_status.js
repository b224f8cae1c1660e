// Live payment status (issue 6): pages that carry data-live-src (the officer's case page, the
// public payment page) or data-live-list (the console's case lists) follow an event stream
// (Server-Sent Events) and redraw the marked parts from each "case" event's JSON. Without
// JavaScript, or without EventSource, the pages are the same and change on reload.
(function () {
  'use strict';
  if (!window.EventSource) return;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function setText(root, name, value) {
    all(root, '[data-live="' + name + '"]').forEach(function (el) {
      el.textContent = value;
    });
  }

  function show(root, name, visible) {
    all(root, '[data-live="' + name + '"]').forEach(function (el) {
      el.hidden = !visible;
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  // The officer's case page: status, totals, each fee line, "Đang chờ thanh toán", receipts.
  function drawCase(root, d) {
    var status = document.getElementById('case-status');
    if (status && status.nextElementSibling) status.nextElementSibling.textContent = d.status;
    setText(root, 'total', d.total);
    setText(root, 'paid_total', d.paid_total);
    setText(root, 'outstanding', d.outstanding);
    setText(root, 'waiting', d.waiting);
    show(root, 'waiting', d.waiting !== '');
    all(root, '[data-live-line]').forEach(function (row, i) {
      var line = d.lines[i];
      if (!line) return;
      // The columns "Thanh toán" and "Hình thức thanh toán".
      if (row.cells.length > 4) {
        row.cells[3].textContent = line.paid_text;
        row.cells[4].textContent = line.method;
      }
    });
    // A page drawn before any receipt keeps the empty table in a <template>: put it in place.
    var template = root.querySelector('template[data-live="receipts-template"]');
    if (template && d.receipts.length > 0) {
      template.parentNode.insertBefore(template.content.cloneNode(true), template);
      template.parentNode.removeChild(template);
    }
    var body = root.querySelector('[data-live="receipts"]');
    if (body) {
      while (body.firstChild) body.removeChild(body.firstChild);
      d.receipts.forEach(function (r) {
        var row = document.createElement('tr');
        [r.form_symbol, r.series, r.number, r.amount, r.issued_at, r.state_label].forEach(
          function (t) {
            cell(row, t);
          }
        );
        // "Xem biên lai" opens the PDF; "Chi tiết" the receipt's page (state, cancel, re-issue).
        var actions = cell(row, '');
        var link = document.createElement('a');
        link.href = r.href;
        link.textContent = r.view;
        actions.appendChild(link);
        actions.appendChild(document.createTextNode(' · '));
        var details = document.createElement('a');
        details.href = r.page_href;
        details.textContent = r.details;
        actions.appendChild(details);
        body.appendChild(row);
      });
    }
    show(root, 'no-receipts', d.receipts.length === 0);
    root.setAttribute('data-live-progress', d.progress);
  }

  // The public payment page: the amount due, the QR and "Thanh toán" while due, then the
  // settled message and the receipts' links.
  function drawPublic(root, d) {
    all(root, '.pay-amount').forEach(function (el) {
      el.textContent = d.amount_due;
    });
    show(root, 'due', d.due);
    setText(root, 'settled', d.settled);
    show(root, 'settled', d.settled !== '');
    var box = root.querySelector('[data-live="public-receipts"]');
    if (box) {
      while (box.firstChild) box.removeChild(box.firstChild);
      d.receipts.forEach(function (r) {
        var p = document.createElement('p');
        var link = document.createElement('a');
        link.className = 'pub-button pub-button-light';
        link.href = r.href;
        link.textContent = r.label;
        p.appendChild(link);
        box.appendChild(p);
      });
    }
    root.setAttribute('data-live-progress', d.progress);
  }

  // A console list: the status and the payment badge of the row of d.code.
  function drawRow(d) {
    all(document, '[data-live-status]').forEach(function (el) {
      if (el.getAttribute('data-live-status') === d.code) el.textContent = d.status;
    });
    all(document, '[data-payment-badge]').forEach(function (el) {
      if (el.getAttribute('data-payment-badge') !== d.code) return;
      el.textContent = d.badge;
      el.hidden = d.badge === '';
      el.setAttribute('data-progress', d.progress);
    });
  }

  function follow(url, draw) {
    var source = new EventSource(url);
    source.addEventListener('case', function (event) {
      var d;
      try {
        d = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      draw(d);
    });
    window.addEventListener('pagehide', function () {
      source.close();
    });
  }

  all(document, '[data-live-src]').forEach(function (root) {
    var url = root.getAttribute('data-live-src');
    if (!url) return;
    var isPublic = root.querySelector('[data-live="public-receipts"]') !== null;
    follow(url, function (d) {
      if (isPublic) drawPublic(root, d);
      else drawCase(root, d);
    });
  });

  all(document, '[data-live-list]').forEach(function (table) {
    var codes = all(table, '[data-payment-badge], [data-live-status]').map(function (el) {
      return el.getAttribute('data-payment-badge') || el.getAttribute('data-live-status');
    });
    var unique = codes.filter(function (code, i) {
      return code && codes.indexOf(code) === i;
    });
    if (unique.length === 0) return;
    var query = unique.map(function (code) {
      return 'ma=' + encodeURIComponent(code);
    });
    follow(table.getAttribute('data-live-list') + '?' + query.join('&'), drawRow);
  });
})();
