// The operator console. Every value from the API reaches the page through textContent or a DOM property, never
// through HTML parsing, so a refund reason such as <img src=x onerror=alert(1)> shows as text. The token lives
// only in this tab's sessionStorage; it is never put in a URL.
'use strict';

const TOKEN_KEY = 'refunds.console.token';
const RANK = { VIEWER: 0, REVIEWER: 1, ADMIN: 2 };
let me = null;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'testid') node.dataset.testid = value;
    else if (name === 'onclick' || name === 'onsubmit') node.addEventListener(name.substring(2), value);
    else if (name in node && name !== 'list') node[name] = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function may(role) { return me !== null && RANK[me.role] >= RANK[role]; }

function say(text, kind) {
  const message = document.getElementById('message');
  message.textContent = text || '';
  message.className = text ? (kind || 'info') : '';
}

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function call(method, path, body) {
  const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store', credentials: 'omit' });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 401) {
    signOut('Your session has ended: the token was revoked or is no longer valid. Sign in again.');
    throw new ApiError(401, 'UNAUTHORIZED', 'signed out');
  }
  if (!response.ok) {
    const error = answer.error || {};
    throw new ApiError(response.status, error.code || 'ERROR', error.message || response.statusText);
  }
  return answer.data;
}

function failed(error) {
  if (error instanceof ApiError && error.status === 401) return;
  say(error instanceof ApiError ? error.code + ': ' + error.message : 'The service did not answer', 'error');
}

function table(headings, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headings.map((h) => el('th', {}, h)))), el('tbody', {}, rows));
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  return search.toString();
}

// ---- sign-in ------------------------------------------------------------------------------------------------

function showSignIn(note) {
  document.getElementById('nav').hidden = true;
  document.getElementById('signout').hidden = true;
  document.getElementById('who').textContent = '';
  const token = el('input', { type: 'password', testid: 'signin-token', autocomplete: 'off', required: true,
    size: 60, placeholder: 'operator token' });
  const form = el('form', { onsubmit: async (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    token.value = '';
    await start();
  } }, el('label', {}, 'Operator token', token), el('button', { type: 'submit', testid: 'signin-submit' }, 'Sign in'));
  document.getElementById('main').replaceChildren(el('h2', {}, 'Sign in'), form);
  say(note || '', note ? 'error' : 'info');
}

function signOut(note) {
  sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  showSignIn(note);
}

async function start() {
  if (!sessionStorage.getItem(TOKEN_KEY)) { showSignIn(); return; }
  try {
    me = await call('GET', '/api/admin/operators/me');
  } catch (error) { failed(error); return; }
  say('');
  document.getElementById('who').textContent = me.name + ' (' + me.role + ')';
  document.getElementById('signout').hidden = false;
  const nav = document.getElementById('nav');
  const pages = [['queue', 'Review queue'], ['search', 'Refunds'], ['disputes', 'Disputes'],
    ['businesses', 'Businesses'], ['audit', 'Audit trail']].concat(may('ADMIN') ? [['operators', 'Operators']] : []);
  nav.replaceChildren(...pages.map(([page, title]) => el('a', { href: '#' + page, testid: 'nav-' + page }, title)));
  nav.hidden = false;
  route();
}

// ---- refunds: queue, search, review -------------------------------------------------------------------------

function refundRow(refund, prefix) {
  const status = el('td', { testid: 'refund-status-' + refund.refundId }, refund.status);
  const actions = el('td', {});
  if (refund.status === 'PENDING_REVIEW' && may('REVIEWER')) {
    actions.append(
      el('button', { type: 'button', className: 'approve', testid: 'approve-' + refund.refundId,
        onclick: () => review(refund, 'approve', undefined, status, actions) }, 'Approve'),
      el('button', { type: 'button', className: 'reject', testid: 'reject-' + refund.refundId,
        onclick: () => askReason(refund, status, actions) }, 'Reject'));
  }
  return el('tr', { testid: prefix + refund.refundId },
    el('td', {}, el('a', { href: '#payment/' + refund.paymentId }, refund.refundId)),
    el('td', {}, refund.businessId), el('td', {}, refund.amount + ' ' + refund.currency),
    el('td', { className: 'reason' }, refund.reason), status, el('td', {}, refund.reviewedBy || ''),
    el('td', {}, refund.initiatedAt), actions);
}

const REFUND_HEADINGS = ['Refund', 'Business', 'Amount', 'Reason', 'Status', 'Reviewed by', 'Requested', ''];

function askReason(refund, status, actions) {
  const reason = el('textarea', { testid: 'reject-reason', rows: 2, cols: 40, maxLength: 500 });
  const form = el('form', { className: 'panel', onsubmit: (event) => {
    event.preventDefault();
    review(refund, 'reject', { reason: reason.value }, status, actions);
  } }, el('label', {}, 'Why is refund ' + refund.refundId + ' rejected?', reason),
  el('button', { type: 'submit', testid: 'reject-confirm' }, 'Reject refund'),
  el('button', { type: 'button', onclick: () => form.remove() }, 'Cancel'));
  actions.append(form);
  reason.focus();
}

async function review(refund, decision, body, status, actions) {
  try {
    const changed = await call('POST', '/api/admin/refunds/' + encodeURIComponent(refund.refundId) + '/' + decision,
      body);
    status.textContent = changed.status;
    actions.replaceChildren();
    say('Refund ' + changed.refundId + ' is ' + changed.status + ' (by ' + changed.reviewedBy + ')', 'info');
  } catch (error) { failed(error); }
}

async function queuePage(main) {
  const page = await call('GET', '/api/admin/refunds?' + query({ status: 'PENDING_REVIEW', limit: '100' }));
  main.replaceChildren(el('h2', {}, 'Review queue (oldest first)'),
    page.items.length === 0 ? el('p', {}, 'Nothing waits for review.')
      : table(REFUND_HEADINGS, page.items.map((refund) => refundRow(refund, 'queue-row-'))));
}

async function searchPage(main) {
  const fields = { refundId: 'search-refund-id', paymentId: 'search-payment-id', businessId: 'search-business-id',
    merchantRef: 'search-merchant-ref', status: 'search-status', createdFrom: 'search-created-from',
    createdTo: 'search-created-to' };
  const inputs = {};
  for (const [name, testid] of Object.entries(fields)) inputs[name] = el('input', { testid, name, size: 22 });
  inputs.status.placeholder = 'e.g. COMPLETED';
  inputs.createdFrom.placeholder = inputs.createdTo.placeholder = '2026-01-01T00:00:00Z';
  const results = el('div', { testid: 'search-results' });
  const form = el('form', { onsubmit: async (event) => {
    event.preventDefault();
    const params = { limit: '100' };
    for (const name of Object.keys(fields)) params[name] = inputs[name].value.trim();
    try {
      const page = await call('GET', '/api/admin/refunds?' + query(params));
      results.replaceChildren(page.items.length === 0 ? el('p', {}, 'No refund matches.')
        : table(REFUND_HEADINGS, page.items.map((refund) => refundRow(refund, 'search-row-'))));
      say('');
    } catch (error) { failed(error); }
  } }, Object.keys(fields).map((name) => el('label', {}, name, inputs[name])),
  el('button', { type: 'submit', testid: 'search-submit' }, 'Search'));
  main.replaceChildren(el('h2', {}, 'Refunds across businesses'), form, results);
}
