// The console's other pages and its router; see console.js for the rules every page follows.
'use strict';

async function paymentPage(main, paymentId) {
  const detail = await call('GET', '/api/admin/payments/' + encodeURIComponent(paymentId));
  const payment = detail.payment;
  const summary = table(['Payment', 'Business', 'Amount', 'Status', 'Refunded', 'Refundable', 'Disputed'], [
    el('tr', { testid: 'payment-summary' }, el('td', {}, payment.paymentId), el('td', {}, detail.businessId),
      el('td', {}, payment.amount + ' ' + payment.currency), el('td', {}, payment.status),
      el('td', {}, payment.refundTotal), el('td', {}, payment.refundableAmount), el('td', {}, String(payment.disputed)))]);
  const disputeRows = detail.disputes.map((dispute) => disputeRow(dispute));
  const opener = may('REVIEWER') ? disputeOpener(payment.paymentId) : null;
  main.replaceChildren(el('h2', {}, 'Payment ' + payment.paymentId), summary,
    el('h3', {}, 'Refunds'), table(REFUND_HEADINGS, detail.refunds.map((refund) => refundRow(refund, 'payment-refund-'))),
    el('h3', {}, 'Disputes'), table(['Dispute', 'Payment', 'Status', 'Reason', 'Opened', 'Closed', ''], disputeRows),
    opener,
    el('h3', {}, 'Event timeline'), table(['At', 'Event', 'Refund', 'Event id'], detail.events.map((event) =>
      el('tr', { testid: 'event-' + event.eventId }, el('td', {}, event.at), el('td', {}, event.type),
        el('td', {}, event.refundId), el('td', {}, event.eventId)))));
}

function disputeRow(dispute) {
  const actions = el('td', {});
  if (dispute.status === 'OPEN' && may('REVIEWER')) {
    for (const outcome of ['WON', 'LOST']) {
      actions.append(el('button', { type: 'button', testid: 'close-' + outcome.toLowerCase() + '-' + dispute.disputeId,
        onclick: () => act('POST', '/api/admin/disputes/' + encodeURIComponent(dispute.disputeId) + '/close',
          { outcome }, 'Dispute ' + dispute.disputeId + ' closed ' + outcome) }, 'Close ' + outcome));
    }
  }
  return el('tr', { testid: 'dispute-row-' + dispute.disputeId }, el('td', {}, dispute.disputeId),
    el('td', {}, el('a', { href: '#payment/' + dispute.paymentId }, dispute.paymentId)), el('td', {}, dispute.status),
    el('td', { className: 'reason' }, dispute.reason), el('td', {}, dispute.openedAt), el('td', {}, dispute.closedAt || ''),
    actions);
}

function disputeOpener(paymentId) {
  const reason = el('input', { testid: 'dispute-reason', size: 40, maxLength: 500, required: true });
  return el('form', { className: 'panel', onsubmit: (event) => {
    event.preventDefault();
    act('POST', '/api/admin/payments/' + encodeURIComponent(paymentId) + '/disputes', { reason: reason.value },
      'Dispute opened on ' + paymentId);
  } }, el('label', {}, 'Open a dispute: reason', reason), el('button', { type: 'submit', testid: 'dispute-open' }, 'Open'));
}

async function act(method, path, body, done) {
  try {
    await call(method, path, body);
    await route();
    say(done, 'info');
  } catch (error) { failed(error); }
}

async function disputesPage(main) {
  const page = await call('GET', '/api/admin/disputes?limit=100');
  const paymentId = el('input', { testid: 'dispute-payment-id', size: 30 });
  main.replaceChildren(el('h2', {}, 'Disputes (newest first)'),
    table(['Dispute', 'Payment', 'Status', 'Reason', 'Opened', 'Closed', ''], page.items.map(disputeRow)),
    may('REVIEWER') ? el('form', { className: 'panel', onsubmit: (event) => {
      event.preventDefault();
      location.hash = '#payment/' + paymentId.value.trim();
    } }, el('label', {}, 'Open a dispute on payment', paymentId), el('button', { type: 'submit' }, 'Go to payment')) : null);
}

async function businessesPage(main) {
  const page = await call('GET', '/api/admin/businesses?limit=100');
  const created = el('div', { testid: 'business-secret' });
  const rows = page.items.map((business) => el('tr', { testid: 'business-row-' + business.businessId },
    el('td', {}, business.businessId), el('td', {}, business.name), el('td', {}, business.reviewMode),
    el('td', {}, business.refundMode), el('td', {}, business.createdAt),
    el('td', {}, el('a', { href: '#deliveries/' + business.businessId }, 'Webhook deliveries'),
      may('ADMIN') ? el('button', { type: 'button', testid: 'rotate-' + business.businessId, onclick: async () => {
        try {
          const rotated = await call('POST', '/api/admin/businesses/' + encodeURIComponent(business.businessId)
            + '/rotate-key', { expiresInSeconds: 86400 });
          created.replaceChildren(el('p', {}, 'New API key of ' + business.businessId
            + ' (shown once; the old key works for one more day): '), el('span', { className: 'secret' }, rotated.apiKey));
        } catch (error) { failed(error); }
      } }, 'Rotate key') : null)));
  main.replaceChildren(el('h2', {}, 'Businesses'), created, may('ADMIN') ? businessCreator(created) : null,
    table(['Business', 'Name', 'Review', 'Refunds', 'Created', ''], rows));
}

function businessCreator(created) {
  const name = el('input', { testid: 'business-name', required: true, size: 24 });
  const reviewMode = el('select', {}, el('option', {}, 'MANUAL'), el('option', {}, 'AUTO'));
  const refundMode = el('select', {}, el('option', {}, 'SINGLE'), el('option', {}, 'MULTIPLE'));
  return el('form', { className: 'panel', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const business = await call('POST', '/api/admin/businesses', { name: name.value, reviewMode: reviewMode.value,
        refundMode: refundMode.value });
      await route();
      say('Business ' + business.businessId + ' created', 'info');
      document.querySelector('[data-testid="business-secret"]').replaceChildren(el('p', {}, 'Client-Id '
        + business.clientId + ', Business-Id ' + business.businessId + ', API key (shown once): '),
      el('span', { className: 'secret' }, business.apiKey));
    } catch (error) { failed(error); }
  } }, el('label', {}, 'Name', name), el('label', {}, 'Review', reviewMode), el('label', {}, 'Refunds', refundMode),
  el('button', { type: 'submit', testid: 'business-create' }, 'Create business'));
}

async function deliveriesPage(main, businessId) {
  const base = '/api/admin/businesses/' + encodeURIComponent(businessId);
  const endpoints = await call('GET', base + '/webhook-endpoints');
  const sections = [];
  for (const endpoint of endpoints.items) {
    const page = await call('GET', base + '/webhook-endpoints/' + encodeURIComponent(endpoint.id) + '/deliveries?limit=50');
    sections.push(el('h3', {}, endpoint.url), table(['Delivery', 'Event', 'Status', 'Attempts', 'Next attempt', ''],
      page.items.map((delivery) => el('tr', { testid: 'delivery-row-' + delivery.deliveryId },
        el('td', {}, delivery.deliveryId), el('td', {}, delivery.eventType), el('td', {}, delivery.status),
        el('td', {}, String((delivery.attempts || []).length)), el('td', {}, delivery.nextAttemptAt || ''),
        el('td', {}, delivery.status === 'FAILED' && may('ADMIN') ? el('button', { type: 'button',
          testid: 'retry-' + delivery.deliveryId, onclick: () => act('POST', base + '/webhook-deliveries/'
            + encodeURIComponent(delivery.deliveryId) + '/retry', undefined, 'Delivery ' + delivery.deliveryId
            + ' queued again') }, 'Retry') : null)))));
  }
  main.replaceChildren(el('h2', {}, 'Webhook deliveries of ' + businessId),
    sections.length ? el('div', {}, sections) : el('p', {}, 'This business has no webhook endpoint.'));
}

async function auditPage(main) {
  const page = await call('GET', '/api/admin/audit?limit=100');
  main.replaceChildren(el('h2', {}, 'Audit trail (newest first)'),
    table(['At', 'Operator', 'Action', 'Subject', 'Reason', 'Request'], page.items.map((record) =>
      el('tr', { testid: 'audit-row-' + record.auditId }, el('td', {}, record.at),
        el('td', {}, record.operatorName + ' (' + record.operatorId + ')'), el('td', {}, record.action),
        el('td', {}, record.subject), el('td', { className: 'reason' }, record.reason || ''),
        el('td', {}, record.requestId)))));
}

async function operatorsPage(main) {
  const page = await call('GET', '/api/admin/operators?limit=100');
  const name = el('input', { testid: 'operator-name', required: true, size: 24 });
  const role = el('select', { testid: 'operator-role' }, ['VIEWER', 'REVIEWER', 'ADMIN'].map((r) => el('option', {}, r)));
  const shown = el('div', {});
  main.replaceChildren(el('h2', {}, 'Operators'), shown, el('form', { className: 'panel', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const created = await call('POST', '/api/admin/operators', { name: name.value, role: role.value });
      await route();
      document.querySelector('#main div').replaceChildren(el('p', {}, 'Token of ' + created.name
        + ' (shown once, hand it over privately): '), el('span', { className: 'secret' }, created.token));
    } catch (error) { failed(error); }
  } }, el('label', {}, 'Name', name), el('label', {}, 'Role', role), el('button', { type: 'submit' }, 'Create operator')),
  table(['Operator', 'Name', 'Role', 'Created', 'Revoked', ''], page.items.map((operator) => el('tr', {},
    el('td', {}, operator.operatorId), el('td', {}, operator.name), el('td', {}, operator.role),
    el('td', {}, operator.createdAt), el('td', {}, operator.revokedAt || ''),
    el('td', {}, operator.revokedAt ? null : el('button', { type: 'button', onclick: () => act('POST',
      '/api/admin/operators/' + encodeURIComponent(operator.operatorId) + '/revoke', undefined,
      operator.name + ' revoked') }, 'Revoke'))))));
}

const PAGES = { queue: queuePage, search: searchPage, payment: paymentPage, disputes: disputesPage,
  businesses: businessesPage, deliveries: deliveriesPage, audit: auditPage, operators: operatorsPage };

async function route() {
  if (me === null) return;
  const [page, argument] = (location.hash.substring(1) || 'queue').split('/');
  const render = PAGES[page] || queuePage;
  for (const link of document.querySelectorAll('nav a')) {
    link.classList.toggle('current', link.getAttribute('href') === '#' + page);
  }
  try {
    await render(document.getElementById('main'), decodeURIComponent(argument || ''));
  } catch (error) { failed(error); }
}

window.addEventListener('hashchange', () => { say(''); route(); });
document.getElementById('signout').addEventListener('click', () => signOut());
start();
